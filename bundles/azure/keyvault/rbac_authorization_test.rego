package tenet.azure.keyvault.rbac_authorization_test

import rego.v1

import data.tenet.azure.keyvault.rbac_authorization as check
import data.tenet.lib.fixtures

_kv(values) := fixtures.resource("azurerm_key_vault", "main", object.union({"name": "acme-kv", "sku_name": "standard"}, values))

test_deny_v4_rbac_disabled if {
	check.deny == {{
		"msg": "rbac_authorization_enabled is not true: data access is authorized by vault access policies, not Azure RBAC",
		"resource": "azurerm_key_vault.main",
		"attribute": "rbac_authorization_enabled",
	}} with input as fixtures.plan([_kv({"rbac_authorization_enabled": false})])
}

test_deny_v3_enable_rbac_disabled_in_state if {
	{[f.resource, f.attribute] | some f in check.deny} == {["azurerm_key_vault.main", "enable_rbac_authorization"]} with input as fixtures.state([_kv({"enable_rbac_authorization": false})])
}

test_deny_when_unset if {
	{f.attribute | some f in check.deny} == {"rbac_authorization_enabled"} with input as fixtures.state([_kv({})])
}

test_allow_rbac if {
	check.deny == set() with input as fixtures.plan([_kv({"rbac_authorization_enabled": true})])
	check.deny == set() with input as fixtures.state([_kv({"enable_rbac_authorization": true})])
	check.deny == set() with input as fixtures.plan([_kv({"rbac_authorization_enabled": true, "enable_rbac_authorization": true})])
}

# v4 before v5 with the old name in the configuration: the new one is
# computed, the old one decides.
test_allow_old_name_with_new_computed if {
	kv := fixtures.computed(fixtures.with_configured(_kv({"enable_rbac_authorization": true}), ["name", "enable_rbac_authorization"]), ["rbac_authorization_enabled"])
	inp := fixtures.plan([kv])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_rbac_authorization if {
	inp := fixtures.plan([fixtures.from_local(_kv({}), ["rbac_authorization_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "rbac_authorization_enabled is unknown until apply",
		"resource": "azurerm_key_vault.main",
		"attribute": "rbac_authorization_enabled",
	}} with input as inp
}

test_unknown_v3_enable_rbac_authorization if {
	inp := fixtures.plan([fixtures.from_local(_kv({}), ["enable_rbac_authorization"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"enable_rbac_authorization"} with input as inp
}
