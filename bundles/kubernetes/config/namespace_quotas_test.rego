package tenet.kubernetes.config.namespace_quotas_test

import rego.v1

import data.tenet.kubernetes.config.namespace_quotas as check
import data.tenet.lib.fixtures

_ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

_obj(kind, meta) := {"apiVersion": "v1", "kind": kind, "metadata": meta, "spec": {}}

test_deny_missing_both if {
	check.deny == {{"msg": `namespace "shop" has no ResourceQuota and no LimitRange`, "resource": "Namespace/shop"}} with input as fixtures.manifest([_ns("shop")])
}

test_deny_missing_limit_range if {
	inp := fixtures.manifest([_ns("shop"), _obj("ResourceQuota", {"name": "q", "namespace": "shop"}), _obj("LimitRange", {"name": "l", "namespace": "other"})])
	{f.msg | some f in check.deny} == {`namespace "shop" has no LimitRange`} with input as inp
}

test_allow_both_present_and_system if {
	inp := fixtures.manifest([
		_ns("shop"),
		_ns("kube-system"),
		_obj("ResourceQuota", {"name": "q", "namespace": "shop"}),
		_obj("LimitRange", {"name": "l"}),
	])
	check.deny == set() with input as inp
}

# In a batch of files (pkg/engine, EvalBatch) a namespace is credited only
# with the quota and limits of its own file.
test_batch_joins_only_the_same_file if {
	inp := fixtures.batch([
		[_ns("shop"), _obj("ResourceQuota", {"name": "q", "namespace": "shop"})],
		[_obj("LimitRange", {"name": "l"}), _ns("web"), _obj("ResourceQuota", {"name": "r", "namespace": "web"})],
	])
	{f.resource: f.msg | some f in check.deny} == {"Namespace/shop": `namespace "shop" has no LimitRange`} with input as inp
}
