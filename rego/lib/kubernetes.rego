# METADATA
# title: Kubernetes helpers
# description: >-
#   Selection of objects by kind, the pod spec of every workload kind, its
#   containers and readable attribute paths that name a container.
# scope: package
# custom:
#   library: true
package tenet.lib.kubernetes

import rego.v1

# workload_kinds lists the kinds that carry a pod spec.
workload_kinds := ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]

# container_fields lists the pod spec fields that hold containers.
container_fields := ["containers", "initContainers", "ephemeralContainers"]

# _by_kind groups the objects by kind (see terraform._by_type on indexing,
# and on inserting each key once).
_by_kind := {k: objs |
	some k in {o.type | some o in input.resources}
	objs := [x |
		some x in input.resources
		x.type == k
		x.action != "delete"
	]
}

# objects(kind) is the array of objects of kind; [] when there is none.
objects(kind) := object.get(_by_kind, kind, [])

# objects_beside(r, kind) is the array of objects of kind from the same input
# as object r: the objects a rule joins r with. Outside a batch that is
# objects(kind); see same_input.
objects_beside(r, kind) := [o |
	some o in objects(kind)
	same_input(o, r)
]

# same_input(a, b) holds when objects a and b come from the same input. Each
# input is its own document, so in a document of one input it always holds.
# The engine evaluates the per-resource rules of many small inputs on one
# document (pkg/engine, EvalBatch), where it marks each object with its input
# as batch_input: a rule that joins objects only through objects_beside then
# finds the same in a batch as on each input alone.
same_input(a, b) if object.get(a, "batch_input", null) == object.get(b, "batch_input", null)

# workloads is the array of objects of a workload kind that carry a pod spec.
workloads := [w |
	some kind in workload_kinds
	some w in objects(kind)
	is_object(pod_spec(w))
]

# pod_spec_path(r) is the dotted path of the pod spec in r's object.
pod_spec_path(r) := "spec" if {
	r.type == "Pod"
} else := "spec.jobTemplate.spec.template.spec" if {
	r.type == "CronJob"
} else := "spec.template.spec"

# pod_spec(r) is the pod spec of workload r; undefined when r has none.
pod_spec(r) := s if {
	s := object.get(r.values, split(pod_spec_path(r), "."), null)
	is_object(s)
}

# spec_attr(r, attr) is the readable path of attribute attr of r's pod spec.
spec_attr(r, attr) := sprintf("%s.%s", [pod_spec_path(r), attr])

# containers(r) is the array of r's containers, init containers and
# ephemeral containers.
containers(r) := [c |
	spec := pod_spec(r)
	some field in container_fields
	some c in _list(spec[field])
]

# app_containers(r) is containers(r) without ephemeral containers, which
# Kubernetes does not let set resources or ports.
app_containers(r) := [c |
	spec := pod_spec(r)
	some field in ["containers", "initContainers"]
	some c in _list(spec[field])
]

_list(x) := x if {
	is_array(x)
} else := []

# container_path(r, c) names container c of r readably, e.g.
# "spec.template.spec.containers[name=web]".
container_path(r, c) := [p |
	spec := pod_spec(r)
	some field in container_fields
	some x in _list(spec[field])
	x == c
	p := sprintf("%s.%s[name=%s]", [pod_spec_path(r), field, container_name(c)])
][0]

# container_attr(r, c, attr) is the readable path of attribute attr of
# container c, e.g. "spec.containers[name=web].securityContext.privileged".
container_attr(r, c, attr) := sprintf("%s.%s", [container_path(r, c), attr])

# container_name(c) is c's name, or "?" for a container without one.
container_name(c) := object.get(c, "name", "?")

# security_setting(r, c, key) is the effective securityContext value key of
# container c: the container's own value, else the pod's; undefined when
# neither sets it.
security_setting(r, c, key) := v if {
	v := c.securityContext[key]
	v != null
} else := v if {
	v := pod_spec(r).securityContext[key]
	v != null
}

# image_reference(image) splits an image reference into its repository, tag
# and digest ("" when absent): "reg:5000/app:1.2@sha256:ab" has repository
# "reg:5000/app", tag "1.2" and digest "sha256:ab".
image_reference(image) := {"repository": m[1], "tag": m[2], "digest": m[3]} if {
	m := regex.find_all_string_submatch_n(`^(.+?)(?::([^:/@]+))?(?:@(.+))?$`, image, 1)[0]
}

# pod_metadata_path(r) is the dotted path of the metadata of r's pods: the
# object's own for a Pod, the pod template's for a controller.
pod_metadata_path(r) := "metadata" if {
	r.type == "Pod"
} else := concat(".", array.concat(array.slice(parts, 0, count(parts) - 1), ["metadata"])) if {
	parts := split(pod_spec_path(r), ".")
}

# pod_annotations(r) is the annotations of r's pods; {} when there are none.
pod_annotations(r) := a if {
	a := object.get(r.values, array.concat(split(pod_metadata_path(r), "."), ["annotations"]), {})
	is_object(a)
} else := {}

# pod_annotation_attr(r, key) is the readable path of pod annotation key.
pod_annotation_attr(r, key) := sprintf("%s.annotations[%s]", [pod_metadata_path(r), key])

# volumes(r) is the array of volumes of r's pod spec; [] when there is none.
volumes(r) := _list(object.get(pod_spec(r), "volumes", []))

# volume_attr(r, v, attr) is the readable path of attribute attr of volume v,
# e.g. "spec.template.spec.volumes[name=data].hostPath.path".
volume_attr(r, v, attr) := sprintf("%s.volumes[name=%s].%s", [pod_spec_path(r), object.get(v, "name", "?"), attr])

# capabilities(c, field) is the set of capabilities in
# securityContext.capabilities[field] ("add" or "drop") of container c, upper
# case and without the CAP_ prefix; empty when unset.
capabilities(c, field) := {trim_prefix(upper(cap), "CAP_") |
	some cap in _list(c.securityContext.capabilities[field])
	is_string(cap)
}

# namespace(r) is r's metadata.namespace; "" when the manifest leaves it to
# the namespace chosen when applying.
namespace(r) := object.get(r, "namespace", "")

# in_namespace(r, ns) holds when object r is in namespace ns, or names no
# namespace and so may be applied into it (kubectl apply -n ns): helpers
# that credit an object to a namespace use it, so that a namespace-less
# NetworkPolicy or quota is never missed.
in_namespace(r, ns) if namespace(r) in {ns, ""}

# system_namespaces are the namespaces Kubernetes creates for itself.
system_namespaces := {"kube-system", "kube-public", "kube-node-lease"}

# labels(r) is the labels of object r; {} when there are none.
labels(r) := l if {
	l := r.values.metadata.labels
	is_object(l)
} else := {}

# long_running(r) holds for a workload whose pods keep running: not a Job
# or CronJob, and not a bare Pod with restartPolicy Never or OnFailure.
long_running(r) if {
	not r.type in {"Job", "CronJob"}
	not object.get(pod_spec(r), "restartPolicy", "Always") in {"Never", "OnFailure"}
}

# windows(r) holds when r's pods declare spec.os.name windows: the Pod
# Security Standards exempt them from Linux-only controls (privilege
# escalation, seccomp, capabilities).
windows(r) if pod_spec(r).os.name == "windows"

# pod_labels(r) is the labels of r's pods (the pod template's for a
# controller); {} when there are none.
pod_labels(r) := l if {
	l := object.get(r.values, array.concat(split(pod_metadata_path(r), "."), ["labels"]), {})
	is_object(l)
} else := {}

# selects(selector, labels) holds when label selector selector (matchLabels
# and matchExpressions with In, NotIn, Exists and DoesNotExist, all of which
# must hold) selects an object with labels; an empty selector selects
# everything, and an operator it does not know selects nothing, as the API
# server rejects it.
selects(selector, labels) if {
	is_object(selector)
	every k, v in object.get(selector, "matchLabels", {}) {
		labels[k] == v
	}
	every e in object.get(selector, "matchExpressions", []) {
		_expression(e, labels)
	}
}

_expression(e, labels) if {
	e.operator == "In"
	_label_in(e, labels)
}

_expression(e, labels) if {
	e.operator == "NotIn"
	not _label_in(e, labels)
}

_label_in(e, labels) if labels[e.key] in e.values

_expression(e, labels) if {
	e.operator == "Exists"
	labels[e.key]
}

_expression(e, labels) if {
	e.operator == "DoesNotExist"
	not labels[e.key]
}

# seccomp_profile(r, c) is the seccomp profile type that container c of r
# runs with, in the order the API server resolves it: the container's
# field, its deprecated annotation, the pod's field, the pod's deprecated
# annotation ("RuntimeDefault", "Localhost", "Unconfined"); "" when nothing
# sets one.
seccomp_profile(r, c) := t if {
	t := c.securityContext.seccompProfile.type
	is_string(t)
} else := _seccomp_annotation(v) if {
	v := pod_annotations(r)[concat("", ["container.seccomp.security.alpha.kubernetes.io/", container_name(c)])]
} else := t if {
	t := pod_spec(r).securityContext.seccompProfile.type
	is_string(t)
} else := _seccomp_annotation(v) if {
	v := pod_annotations(r)["seccomp.security.alpha.kubernetes.io/pod"]
} else := ""

_seccomp_annotation(v) := "RuntimeDefault" if {
	v in {"runtime/default", "docker/default"}
} else := "Localhost" if {
	startswith(v, "localhost/")
} else := "Unconfined"

# credential_patterns name regular expressions of well-known credential
# formats: private keys, cloud access keys and service tokens.
credential_patterns := {
	"a private key": `-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----`,
	"an AWS access key id": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"a GitHub token": `\bgh[pousr]_[A-Za-z0-9]{36}\b`,
	"a Slack token": `\bxox[abposr]-[A-Za-z0-9-]{10,}`,
	"a Google API key": `\bAIza[0-9A-Za-z_-]{35}\b`,
}

# credential_key(key) holds for a key whose words (split at _ . - and
# camelCase) include password, secret, token or api key, such as DB_PASSWORD or apiToken, but not
# password_file, token_path or secretName, which point at a credential
# instead of holding it, nor tokenizer.
credential_key(key) if {
	k := lower(regex.replace(key, `([a-z0-9])([A-Z])`, "${1}_${2}"))
	regex.match(`(^|[_.-])(password|passwd|secret|token|api_?key)s?($|[_.-])`, k)
	not regex.match(`[_.-](file|path|dir|name|ref|env|url|uri|endpoint|ttl|expiry|expiration|timeout|length|policy|enabled|type|mount|header|key_id)$`, k)
}

# literal_value(value) holds for a single-line value that is not empty, a
# placeholder (${X}, {{ x }}, <x>), a path, a number or a boolean.
literal_value(value) if {
	v := trim_space(value)
	count(v) >= 6
	not contains(v, "\n")
	not regex.match(`^(\$\{.*\}|\$[A-Za-z_]+|\{\{.*\}\}|<.*>|/.*|[0-9.]+|true|false|yes|no|null|none|changeme)$`, lower(v))
}
