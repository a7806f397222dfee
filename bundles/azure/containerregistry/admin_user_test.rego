package tenet.azure.containerregistry.admin_user_test

import rego.v1

import data.tenet.azure.containerregistry.admin_user as check
import data.tenet.lib.fixtures

_acr(values) := fixtures.resource("azurerm_container_registry", "main", object.union({"name": "acmeregistry", "sku": "Premium"}, values))

test_deny_admin_enabled if {
	check.deny == {{
		"msg": "admin_enabled is true: a shared admin account with a static password can push and pull every image",
		"resource": "azurerm_container_registry.main",
		"attribute": "admin_enabled",
	}} with input as fixtures.plan([_acr({"admin_enabled": true})])
}

test_deny_admin_enabled_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_container_registry.main"} with input as fixtures.state([_acr({"admin_enabled": true, "sku": "Basic"})])
}

test_allow_admin_disabled_or_default if {
	check.deny == set() with input as fixtures.plan([_acr({"admin_enabled": false})])
	check.deny == set() with input as fixtures.state([_acr({"admin_enabled": false})])
	check.deny == set() with input as fixtures.state([_acr({})])
}

test_unknown_admin_enabled if {
	inp := fixtures.plan([fixtures.from_local(_acr({}), ["admin_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "admin_enabled is unknown until apply",
		"resource": "azurerm_container_registry.main",
		"attribute": "admin_enabled",
	}} with input as inp
}
