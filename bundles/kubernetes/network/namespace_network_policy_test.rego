package tenet.kubernetes.network.namespace_network_policy_test

import rego.v1

import data.tenet.kubernetes.network.namespace_network_policy as check
import data.tenet.lib.fixtures

_ns(name) := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}

_policy(meta) := {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": meta, "spec": {"podSelector": {}}}

test_deny_namespace_without_policy if {
	inp := fixtures.manifest([_ns("shop"), _ns("web"), _policy({"name": "p", "namespace": "web"})])
	check.deny == {{"msg": `namespace "shop" has no NetworkPolicy`, "resource": "Namespace/shop"}} with input as inp
}

test_deny_policy_in_other_namespace if {
	inp := fixtures.manifest([_ns("shop"), _policy({"name": "p", "namespace": "other"})])
	{f.resource | some f in check.deny} == {"Namespace/shop"} with input as inp
}

test_allow_policy_in_namespace_or_without_namespace if {
	inp := fixtures.manifest([_ns("a"), _ns("b"), _policy({"name": "p", "namespace": "a"}), _policy({"name": "q"})])
	check.deny == set() with input as inp
}

test_allow_no_namespace_objects if {
	check.deny == set() with input as fixtures.manifest([fixtures.workload("Deployment", "d", {"containers": [fixtures.container("a", "a:1")]})])
}

# In a batch of files (pkg/engine, EvalBatch) only the policies of the
# namespace's own file count.
test_batch_joins_only_the_same_file if {
	inp := fixtures.batch([[_ns("shop")], [_policy({"name": "p"}), _ns("web")]])
	{f.resource | some f in check.deny} == {"Namespace/shop"} with input as inp
}
