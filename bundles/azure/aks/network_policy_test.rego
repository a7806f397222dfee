package tenet.azure.aks.network_policy_test

import rego.v1

import data.tenet.azure.aks.network_policy as check
import data.tenet.lib.fixtures

_aks(values) := fixtures.resource("azurerm_kubernetes_cluster", "main", object.union({"name": "acme-aks"}, values))

test_deny_profile_without_policy if {
	check.deny == {{
		"msg": "network_profile.network_policy is not set: pods can reach each other without restriction",
		"resource": "azurerm_kubernetes_cluster.main",
		"attribute": "network_profile.network_policy",
	}} with input as fixtures.state([_aks({"network_profile": [{"network_plugin": "kubenet", "network_policy": null}]})])
}

test_deny_without_profile if {
	inp := fixtures.plan([fixtures.computed(_aks({}), ["network_profile"])])
	{f.msg | some f in check.deny} == {"no network_profile: the cluster has no network policy engine"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_policy_engine if {
	check.deny == set() with input as fixtures.plan([_aks({"network_profile": [{"network_plugin": "azure", "network_policy": "calico"}]})])
}

test_unknown_policy if {
	inp := fixtures.plan([fixtures.with_unknown(_aks({"network_profile": [{"network_plugin": "azure"}]}), ["network_profile.0.network_policy"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_profile.network_policy"} with input as inp
}

test_unknown_profile_through_local if {
	inp := fixtures.plan([fixtures.from_local(_aks({}), ["network_profile"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_profile.network_policy"} with input as inp
}
