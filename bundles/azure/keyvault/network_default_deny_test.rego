package tenet.azure.keyvault.network_default_deny_test

import rego.v1

import data.tenet.azure.keyvault.network_default_deny as check
import data.tenet.lib.fixtures

_kv(values) := fixtures.resource("azurerm_key_vault", "main", object.union({"name": "acme-kv"}, values))

test_deny_default_allow if {
	check.deny == {{
		"msg": "network_acls.default_action is Allow: every network can reach the vault",
		"resource": "azurerm_key_vault.main",
		"attribute": "network_acls.default_action",
	}} with input as fixtures.plan([_kv({"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]})])
}

test_deny_without_network_acls if {
	inp := fixtures.plan([fixtures.computed(_kv({}), ["network_acls"])])
	{f.attribute | some f in check.deny} == {"network_acls"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_default_deny_or_private if {
	check.deny == set() with input as fixtures.plan([_kv({"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]})])
	check.deny == set() with input as fixtures.state([_kv({"public_network_access_enabled": false, "network_acls": []})])
}

test_unknown_default_action if {
	kv := fixtures.with_unknown(_kv({"network_acls": [{"bypass": "AzureServices"}]}), ["network_acls.0.default_action"])
	inp := fixtures.plan([kv])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_acls.default_action"} with input as inp
}

test_unknown_acls_through_local if {
	inp := fixtures.plan([fixtures.from_local(_kv({}), ["network_acls"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_acls.default_action"} with input as inp
}
