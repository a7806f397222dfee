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

# kube_object(obj) is the input resource for Kubernetes object obj: address
# namespace/Kind/name (Kind/name without a namespace), type the kind. (Not
# named object: that would hide the object.* built-ins in this package.)
kube_object(obj) := object.union(
	{
		"address": concat("/", array.concat(_namespace_segment(obj), [obj.kind, obj.metadata.name])),
		"type": obj.kind,
		"name": obj.metadata.name,
		"action": "apply",
		"values": obj,
		"location": {"file": "manifest.yaml", "line": 1},
	},
	{"namespace": ns | ns := _namespace_segment(obj)[0]},
)

_namespace_segment(obj) := [ns] if {
	ns := obj.metadata.namespace
	ns != ""
} else := []

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
