package tenet.azure.storage.public_network_access_test

import rego.v1

import data.tenet.azure.storage.public_network_access as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

test_deny_public_network_access_enabled if {
	check.deny == {{
		"msg": "public_network_access_enabled is not false: the account's endpoints are reachable from public networks",
		"resource": "azurerm_storage_account.main",
		"attribute": "public_network_access_enabled",
	}} with input as fixtures.plan([_sa({"public_network_access_enabled": true})])
}

# v2 state: no attribute, the account is public.
test_deny_when_unset_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as fixtures.state([_sa({})])
}

# Selected networks only is still public network access (CIS 4.6).
test_deny_with_network_rules_deny if {
	sa := _sa({"public_network_access_enabled": true, "network_rules": [{"default_action": "Deny", "bypass": ["AzureServices"]}]})
	{f.attribute | some f in check.deny} == {"public_network_access_enabled"} with input as fixtures.plan([sa])
}

# Anonymous blob access off is not public network access off.
test_deny_with_blob_public_access_disabled if {
	sa := _sa({"allow_nested_items_to_be_public": false, "allow_blob_public_access": false})
	{f.attribute | some f in check.deny} == {"public_network_access_enabled"} with input as fixtures.state([sa])
}

test_allow_public_network_access_disabled if {
	check.deny == set() with input as fixtures.plan([_sa({"public_network_access_enabled": false})])
	check.deny == set() with input as fixtures.state([_sa({"public_network_access_enabled": false})])
}

test_unknown_public_network_access if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["public_network_access_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "public_network_access_enabled is unknown until apply",
		"resource": "azurerm_storage_account.main",
		"attribute": "public_network_access_enabled",
	}} with input as inp
}
