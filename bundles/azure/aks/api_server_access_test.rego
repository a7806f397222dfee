package tenet.azure.aks.api_server_access_test

import rego.v1

import data.tenet.azure.aks.api_server_access as check
import data.tenet.lib.fixtures

_aks(values) := fixtures.resource("azurerm_kubernetes_cluster", "main", object.union({"name": "acme-aks", "private_cluster_enabled": false}, values))

test_deny_public_without_ranges if {
	check.deny == {{
		"msg": "the API server is public and no authorized IP ranges are set: every address can reach it",
		"resource": "azurerm_kubernetes_cluster.main",
		"attribute": "api_server_access_profile.authorized_ip_ranges",
	}} with input as fixtures.plan([_aks({"api_server_access_profile": []})])
}

test_deny_computed_profile_is_not_a_declaration if {
	inp := fixtures.plan([fixtures.computed(_aks({}), ["api_server_access_profile"])])
	{f.resource | some f in check.deny} == {"azurerm_kubernetes_cluster.main"} with input as inp
	check.unknown == set() with input as inp
}

test_deny_v3_ranges_include_everything if {
	inp := fixtures.state([_aks({"api_server_authorized_ip_ranges": ["10.0.0.0/8", "0.0.0.0/0"]})])
	{[f.attribute, f.msg] | some f in check.deny} == {["api_server_authorized_ip_ranges", "the authorized IP ranges include 0.0.0.0/0: every address can reach the API server"]} with input as inp
}

test_allow_private_or_restricted if {
	check.deny == set() with input as fixtures.plan([_aks({"private_cluster_enabled": true})])
	check.deny == set() with input as fixtures.plan([_aks({"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})])
	check.deny == set() with input as fixtures.plan([_aks({"api_server_authorized_ip_ranges": ["203.0.113.0/24"]})])
}

test_unknown_ranges if {
	inp := fixtures.plan([fixtures.with_unknown(_aks({"api_server_access_profile": [{}]}), ["api_server_access_profile.0.authorized_ip_ranges"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"api_server_access_profile.authorized_ip_ranges"} with input as inp
}

test_unknown_profile_through_local if {
	inp := fixtures.plan([fixtures.from_local(_aks({}), ["api_server_access_profile"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"api_server_access_profile.authorized_ip_ranges"} with input as inp
}
