package tenet.azure.storage.https_only_test

import rego.v1

import data.tenet.azure.storage.https_only as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

test_deny_v4_https_traffic_only_disabled if {
	check.deny == {{
		"msg": "https_traffic_only_enabled is false: the account accepts plain HTTP requests",
		"resource": "azurerm_storage_account.main",
		"attribute": "https_traffic_only_enabled",
	}} with input as fixtures.plan([_sa({"https_traffic_only_enabled": false})])
}

test_deny_v3_enable_https_traffic_only_disabled if {
	{[f.resource, f.attribute] | some f in check.deny} == {["azurerm_storage_account.main", "enable_https_traffic_only"]} with input as fixtures.state([_sa({"enable_https_traffic_only": false})])
}

test_allow_https_only_or_default if {
	check.deny == set() with input as fixtures.plan([_sa({"https_traffic_only_enabled": true})])
	check.deny == set() with input as fixtures.plan([_sa({"enable_https_traffic_only": true})])
	check.deny == set() with input as fixtures.plan([_sa({})])
}

test_unknown_https_traffic_only if {
	inp := fixtures.plan([fixtures.with_unknown(_sa({}), ["https_traffic_only_enabled"])])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["azurerm_storage_account.main", "https_traffic_only_enabled"]} with input as inp
}
