# METADATA
# title: Test fixtures
# description: >-
#   Builders for tenet.input/v1 documents in the shape the loaders produce,
#   so that rule tests read like the plans, states and manifests they stand
#   for.
# scope: package
# custom:
#   library: true
package tenet.lib.fixtures

import rego.v1

_schema := "tenet.input/v1"

# plan(resources) is the document of a Terraform plan holding resources.
plan(resources) := {
	"schema": _schema,
	"source": {"path": "plan.json", "format": "terraform-plan", "format_version": "1.2", "tool_version": "1.9.5"},
	"resources": resources,
}

# state(resources) is the document of a Terraform state holding resources:
# every action becomes no-op, and unknown, refs, configured and before are
# dropped (state has none), so the same resource builders serve plans and
# states.
state(resources) := {
	"schema": _schema,
	"source": {"path": "terraform.tfstate", "format": "terraform-state", "format_version": "4", "tool_version": "1.9.5"},
	"resources": [_recorded(r) | some r in resources],
}

_recorded(r) := object.union(
	object.remove(r, {"unknown", "refs", "configured", "before"}),
	{"action": "no-op", "location": {"file": "terraform.tfstate", "line": 0}},
)

# resource(type, name, values) is a managed resource of the root module that
# the plan creates, at address type.name.
resource(type, name, values) := {
	"address": address,
	"config_address": address,
	"type": type,
	"name": name,
	"provider": sprintf("registry.terraform.io/hashicorp/%s", [split(type, "_")[0]]),
	"mode": "managed",
	"action": "create",
	"values": values,
	"location": {"file": "plan.json", "line": 0},
} if {
	address := sprintf("%s.%s", [type, name])
}

# data_source(type, name, values) is a data resource at data.type.name.
data_source(type, name, values) := object.union(resource(type, name, values), {
	"address": address,
	"config_address": address,
	"mode": "data",
	"action": "read",
}) if {
	address := sprintf("data.%s.%s", [type, name])
}

# patch(r, fields) is r with fields merged in (objects deeply, anything else
# replaced): patch(r, {"values": {"acl": "private"}}).
patch(r, fields) := object.union(r, fields)

# with_action(r, action) is r with another plan action ("delete", "update").
with_action(r, action) := object.union(r, {"action": action})

# with_unknown(r, paths) is r with paths (dotted, list indexes as numbers)
# known only after apply. Values at those paths should be absent, as the
# loader leaves them.
with_unknown(r, paths) := object.union(r, {"unknown": sort({p | some p in array.concat(object.get(r, "unknown", []), paths)})})

# with_refs(r, refs) is r with references: attribute path -> config addresses.
with_refs(r, refs) := object.union(r, {"refs": refs})

# with_configured(r, paths) is r as the plan's configuration shows it, with
# an expression for each of paths (dotted, list indexes are dropped): the
# loader's configured. with_configured(r, []) shows the resource with
# nothing set beyond what it already has.
with_configured(r, paths) := object.union(r, {"configured": sort({_plain(p) |
	some p in array.concat(object.get(r, "configured", []), paths)
})})

# computed(r, paths) is r in a plan whose configuration shows it and leaves
# paths out, so the provider computes them: unknown until apply, not
# configured.
computed(r, paths) := with_unknown(with_configured(r, []), paths)

# from_local(r, paths) is r in a plan whose configuration sets paths from
# a value unknown until apply through a local or each.value: configured and
# unknown, with no reference.
from_local(r, paths) := with_unknown(with_configured(r, paths), paths)

_plain(path) := concat(".", [s | some s in split(path, "."); not regex.match(`^[0-9]+$`, s)])

# points_at(r, attr, target) is r as a plan shows `attr = target.id` when the
# target is created by the same plan: the reference is known, the value is
# not (it is removed from values and listed as unknown). When r shows its
# configuration, attr is added to it.
points_at(r, attr, target) := _configuring(
	with_unknown(
		with_refs(object.union(object.remove(r, {"values"}), {"values": object.remove(r.values, {attr})}), {attr: [target.config_address]}),
		[attr],
	),
	attr,
)

_configuring(r, attr) := with_configured(r, [attr]) if r.configured

else := r

# with_index(r, index) is instance index (a count number or for_each key)
# of r: address type.name[0] or type.name["key"]; config_address unchanged.
with_index(r, index) := object.union(r, {"address": sprintf("%s[%s]", [r.address, _key(index)]), "index": index})

_key(index) := sprintf("%d", [index]) if is_number(index)

_key(index) := sprintf("%q", [index]) if is_string(index)

# in_module(r, module) is r inside module instance module ("module.logs" or
# "module.logs[0]"); config_address drops the instance keys.
in_module(r, module) := object.union(r, {
	"address": sprintf("%s.%s", [module, r.address]),
	"config_address": sprintf("%s.%s", [regex.replace(module, `\[[^\]]*\]`, ""), r.config_address]),
	"module": module,
})

# manifest(objects) is the document of a Kubernetes manifest file holding
# objects (plain Kubernetes objects, see kube_object).
manifest(objects) := {
	"schema": _schema,
	"source": {"path": "manifest.yaml", "format": "kubernetes", "documents": count(objects)},
	"resources": [kube_object(o) | some o in objects],
}

# batch(files) is the document the engine evaluates a batch of manifest
# files on (pkg/engine, EvalBatch): the objects of every file of files (an
# array of arrays of objects, see manifest), each marked with the index of
# its file as batch_input. Objects of different files must differ in address,
# as in the engine's batches.
batch(files) := {
	"schema": _schema,
	"source": {"path": "", "format": "kubernetes", "documents": sum([count(f) | some f in files])},
	"resources": [object.union(kube_object(o), {"batch_input": i, "location": {"file": sprintf("manifest-%d.yaml", [i]), "line": 1}}) |
		some i, f in files
		some o in f
	],
}

# kube_object(obj) is the input resource for Kubernetes object obj: address
# Kind/name, or namespace/Kind/name in a namespace other than default for a
# namespaced kind (as the loader writes it, see input.KubernetesAddress);
# type the kind; namespace as written. (Not named object: that would hide
# the object.* built-ins in this package.)
kube_object(obj) := object.union(
	{
		"address": concat("/", array.concat(_address_namespace(obj), [obj.kind, obj.metadata.name])),
		"type": obj.kind,
		"name": obj.metadata.name,
		"action": "apply",
		"values": obj,
		"location": {"file": "manifest.yaml", "line": 1},
	},
	{"namespace": ns | ns := _namespace(obj)},
)

_namespace(obj) := ns if {
	ns := obj.metadata.namespace
	is_string(ns)
	ns != ""
}

_address_namespace(obj) := [ns] if {
	ns := _namespace(obj)
	ns != "default"
	not _cluster_scoped(obj)
} else := []

_cluster_scoped(obj) if {
	object.get(obj, "apiVersion", "") == ""
	_cluster_scoped_kinds[obj.kind]
}

_cluster_scoped(obj) if {
	api_version := obj.apiVersion
	api_version != ""
	_api_group(api_version) in _cluster_scoped_kinds[obj.kind]
}

_api_group(api_version) := "" if {
	not contains(api_version, "/")
} else := split(api_version, "/")[0]

# _cluster_scoped_kinds is the table of input.ClusterScoped (kind -> API
# groups); TestFixturesAddress in pkg/input checks that the two agree.
_cluster_scoped_kinds := {
	"APIService": ["apiregistration.k8s.io"],
	"CertificateSigningRequest": ["certificates.k8s.io"],
	"ClusterRole": ["rbac.authorization.k8s.io"],
	"ClusterRoleBinding": ["rbac.authorization.k8s.io"],
	"ClusterTrustBundle": ["certificates.k8s.io"],
	"ComponentStatus": [""],
	"CSIDriver": ["storage.k8s.io"],
	"CSINode": ["storage.k8s.io"],
	"CustomResourceDefinition": ["apiextensions.k8s.io"],
	"DeviceClass": ["resource.k8s.io"],
	"DeviceTaintRule": ["resource.k8s.io"],
	"FlowSchema": ["flowcontrol.apiserver.k8s.io"],
	"IngressClass": ["networking.k8s.io"],
	"IPAddress": ["networking.k8s.io"],
	"MutatingAdmissionPolicy": ["admissionregistration.k8s.io"],
	"MutatingAdmissionPolicyBinding": ["admissionregistration.k8s.io"],
	"MutatingWebhookConfiguration": ["admissionregistration.k8s.io"],
	"Namespace": [""],
	"Node": [""],
	"PersistentVolume": [""],
	"PodSecurityPolicy": ["policy", "extensions"],
	"PriorityClass": ["scheduling.k8s.io"],
	"PriorityLevelConfiguration": ["flowcontrol.apiserver.k8s.io"],
	"ResourceSlice": ["resource.k8s.io"],
	"RuntimeClass": ["node.k8s.io"],
	"SelfSubjectAccessReview": ["authorization.k8s.io"],
	"SelfSubjectReview": ["authentication.k8s.io"],
	"SelfSubjectRulesReview": ["authorization.k8s.io"],
	"ServiceCIDR": ["networking.k8s.io"],
	"StorageClass": ["storage.k8s.io"],
	"StorageVersion": ["internal.apiserver.k8s.io"],
	"StorageVersionMigration": ["storagemigration.k8s.io"],
	"SubjectAccessReview": ["authorization.k8s.io"],
	"TokenReview": ["authentication.k8s.io"],
	"ValidatingAdmissionPolicy": ["admissionregistration.k8s.io"],
	"ValidatingAdmissionPolicyBinding": ["admissionregistration.k8s.io"],
	"ValidatingWebhookConfiguration": ["admissionregistration.k8s.io"],
	"VolumeAttachment": ["storage.k8s.io"],
	"VolumeAttributesClass": ["storage.k8s.io"],
}

# workload(kind, name, pod_spec) is a Kubernetes object of kind (one of the
# workload kinds) in namespace "default" whose pod spec is pod_spec, placed
# where the kind keeps it.
workload(kind, name, pod_spec) := {
	"apiVersion": _api_versions[kind],
	"kind": kind,
	"metadata": {"name": name, "namespace": "default"},
	"spec": _spec(kind, pod_spec),
}

_api_versions := {
	"Pod": "v1",
	"ReplicationController": "v1",
	"Deployment": "apps/v1",
	"StatefulSet": "apps/v1",
	"DaemonSet": "apps/v1",
	"ReplicaSet": "apps/v1",
	"Job": "batch/v1",
	"CronJob": "batch/v1",
}

_spec("Pod", pod_spec) := pod_spec

_spec("CronJob", pod_spec) := {"schedule": "0 3 * * *", "jobTemplate": {"spec": {"template": {"spec": pod_spec}}}}

_spec(kind, pod_spec) := {"template": {"metadata": {"labels": {"app": "test"}}, "spec": pod_spec}} if {
	not kind in {"Pod", "CronJob"}
}

# container(name, image) is a minimal container.
container(name, image) := {"name": name, "image": image}

# dockerfile(stages) is the document of a Dockerfile whose build stages are
# stages (see stage), in order; the last one is final.
dockerfile(stages) := {
	"schema": _schema,
	"source": {"path": "Dockerfile", "format": "dockerfile"},
	"resources": [_numbered(s, i, count(stages)) | some i, s in stages],
}

_numbered(s, i, n) := object.union(s, {
	"address": sprintf("stage.%s", [id]),
	"name": id,
	"values": object.union(s.values, {"index": i, "final": i == (n - 1)}),
}) if {
	id := _stage_id(s, i)
}

_stage_id(s, _) := s.values.name if s.values.name != ""

_stage_id(s, i) := sprintf("%d", [i]) if s.values.name == ""

# stage(name, image, instructions) is a build stage FROM image, AS name
# unless name is "", holding instructions (see ins), which get lines from 2.
# An image that names an earlier stage is written stage_from.
stage(name, image, instructions) := _stage(name, _image(image), instructions)

# stage_from(name, earlier, instructions) is a build stage FROM the earlier
# stage named earlier.
stage_from(name, earlier, instructions) := _stage(name, {"raw": earlier, "image": earlier, "stage": earlier}, instructions)

_stage(name, from, instructions) := {
	"type": "dockerfile_stage",
	"action": "apply",
	"values": {"name": name, "from": from, "instructions": [object.union(ins, {"line": i + 2, "end_line": i + 2}) | some i, ins in instructions]},
	"location": {"file": "Dockerfile", "line": 1, "attributes": {k: line | some i, _ in instructions; k := sprintf("instructions.%d", [i]); line := i + 2}},
}

_image("scratch") := {"raw": "scratch", "image": "scratch", "scratch": true}

_image(ref) := {"raw": ref, "image": ref, "name": m[1], "tag": m[2], "digest": m[3]} if {
	ref != "scratch"
	m := regex.find_all_string_submatch_n(`^([^@]*?)(?::([^:/@]*))?(?:@(.*))?$`, ref, 1)[0]
}

# ins(cmd, args) is an instruction in shell form: cmd (any case) with the
# arguments as BuildKit splits them (the whole command line for RUN, CMD and
# ENTRYPOINT; name=value pairs for ENV and ARG; one per word otherwise).
ins(cmd, args) := {
	"cmd": lower(cmd), "args": args, "flags": [], "heredocs": [], "json": false,
	"original": concat(" ", array.concat([upper(cmd)], args)),
}

# ins_flags(cmd, flags, args) is ins(cmd, args) with flags ("--chown=app").
ins_flags(cmd, flags, args) := object.union(ins(cmd, args), {"flags": flags})

# ins_exec(cmd, argv) is an instruction in exec (JSON) form.
ins_exec(cmd, argv) := object.union(ins(cmd, argv), {"json": true})

# heredoc(cmd, content) is a RUN (or COPY) instruction whose body is a heredoc.
heredoc(cmd, content) := object.union(ins(cmd, ["<<EOF"]), {"heredocs": [{"name": "EOF", "content": content}]})
