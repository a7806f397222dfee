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

# _by_kind groups the objects by kind (see terraform._by_type on indexing).
_by_kind := {k: objs |
	some o in input.resources
	k := o.type
	objs := [x |
		some x in input.resources
		x.type == k
		x.action != "delete"
	]
}

# objects(kind) is the array of objects of kind; [] when there is none.
objects(kind) := object.get(_by_kind, kind, [])

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
