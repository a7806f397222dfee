package tenet.azure.keyvault.purge_protection_test

import rego.v1

import data.tenet.azure.keyvault.purge_protection as check
import data.tenet.lib.fixtures

_kv(values) := fixtures.resource("azurerm_key_vault", "main", object.union({"name": "acme-kv", "soft_delete_retention_days": 90}, values))

test_deny_without_purge_protection if {
	check.deny == {{
		"msg": "purge_protection_enabled is not true: deleted keys and secrets can be purged before the retention period ends",
		"resource": "azurerm_key_vault.main",
		"attribute": "purge_protection_enabled",
	}} with input as fixtures.plan([_kv({"purge_protection_enabled": false})])
}

test_deny_when_unset_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_key_vault.main"} with input as fixtures.state([_kv({})])
}

test_allow_purge_protection if {
	check.deny == set() with input as fixtures.plan([_kv({"purge_protection_enabled": true})])
}

test_unknown_purge_protection if {
	inp := fixtures.plan([fixtures.with_unknown(_kv({}), ["purge_protection_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"purge_protection_enabled"} with input as inp
}
