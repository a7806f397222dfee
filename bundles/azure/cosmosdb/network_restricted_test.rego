package tenet.azure.cosmosdb.network_restricted_test

import rego.v1

import data.tenet.azure.cosmosdb.network_restricted as check
import data.tenet.lib.fixtures

_acct(name, values) := fixtures.resource("azurerm_cosmosdb_account", name, object.union({"name": name, "offer_type": "Standard"}, values))

_vnet := [{"id": "/subnets/app", "ignore_missing_vnet_service_endpoint": false}]

test_deny_open_account if {
	check.deny == {{
		"msg": "public network access is not disabled and neither virtual network rules nor ip_range_filter restrict it: every network can reach the account",
		"resource": "azurerm_cosmosdb_account.db",
		"attribute": "public_network_access_enabled",
	}} with input as fixtures.plan([_acct("db", {"public_network_access_enabled": true, "is_virtual_network_filter_enabled": false, "ip_range_filter": ""})])
}

test_deny_azure_datacenters_v3_string if {
	check.deny == {{
		"msg": "ip_range_filter lists 0.0.0.0 and no virtual network rules apply: the account is open to every Azure datacenter or every address",
		"resource": "azurerm_cosmosdb_account.db",
		"attribute": "ip_range_filter",
	}} with input as fixtures.plan([_acct("db", {"ip_range_filter": "10.0.0.0/8, 0.0.0.0"})])
}

test_deny_v4_set_and_filter_without_rules_in_state if {
	inp := fixtures.state([
		_acct("a", {"ip_range_filter": ["0.0.0.0/0"]}),
		_acct("b", {"is_virtual_network_filter_enabled": true, "virtual_network_rule": []}),
		_acct("c", {"is_virtual_network_filter_enabled": false, "virtual_network_rule": _vnet}),
		_acct("d", {}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_cosmosdb_account.a", "ip_range_filter"],
		["azurerm_cosmosdb_account.b", "public_network_access_enabled"],
		["azurerm_cosmosdb_account.c", "public_network_access_enabled"],
		["azurerm_cosmosdb_account.d", "public_network_access_enabled"],
	} with input as inp
}

test_allow_restricted if {
	inp := fixtures.plan([
		_acct("private", {"public_network_access_enabled": false}),
		_acct("vnet", {"is_virtual_network_filter_enabled": true, "virtual_network_rule": _vnet}),
		_acct("ipv3", {"ip_range_filter": "203.0.113.0/24,198.51.100.7"}),
		_acct("ipv4", {"ip_range_filter": ["203.0.113.0/24"]}),
		_acct("vnet_and_azure", {"is_virtual_network_filter_enabled": true, "virtual_network_rule": _vnet, "ip_range_filter": ["0.0.0.0"]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_acct("private", {"public_network_access_enabled": false})])
}

test_unknown_public_access_and_ip_filter if {
	inp := fixtures.plan([
		fixtures.with_unknown(_acct("a", {}), ["public_network_access_enabled"]),
		fixtures.from_local(_acct("b", {}), ["ip_range_filter"]),
	])
	check.deny == set() with input as inp
	check.unknown == {
		{"msg": "public_network_access_enabled is unknown until apply", "resource": "azurerm_cosmosdb_account.a", "attribute": "public_network_access_enabled"},
		{"msg": "ip_range_filter is unknown until apply", "resource": "azurerm_cosmosdb_account.b", "attribute": "ip_range_filter"},
	} with input as inp
}

test_unknown_ip_element_blocks_restriction if {
	inp := fixtures.plan([fixtures.with_unknown(_acct("a", {"ip_range_filter": ["203.0.113.0/24"]}), ["ip_range_filter.1"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"ip_range_filter"} with input as inp
}

test_unknown_vnet_filter_and_rules_through_local if {
	inp := fixtures.plan([
		fixtures.with_unknown(_acct("a", {"virtual_network_rule": _vnet}), ["is_virtual_network_filter_enabled"]),
		fixtures.from_local(_acct("b", {"is_virtual_network_filter_enabled": true}), ["virtual_network_rule"]),
	])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["azurerm_cosmosdb_account.a", "is_virtual_network_filter_enabled"],
		["azurerm_cosmosdb_account.b", "virtual_network_rule"],
	} with input as inp
}

test_unknown_vnet_filter_without_rules_fails if {
	inp := fixtures.plan([fixtures.with_unknown(_acct("a", {}), ["is_virtual_network_filter_enabled"])])
	{f.attribute | some f in check.deny} == {"public_network_access_enabled"} with input as inp
	check.unknown == set() with input as inp
}

test_unknown_vnet_filter_and_rules_both_through_local if {
	inp := fixtures.plan([fixtures.from_local(_acct("a", {}), ["is_virtual_network_filter_enabled", "virtual_network_rule"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"is_virtual_network_filter_enabled", "virtual_network_rule"} with input as inp
}
