package tenet.azure.storage.infrastructure_encryption_test

import rego.v1

import data.tenet.azure.storage.infrastructure_encryption as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

test_deny_infrastructure_encryption_disabled if {
	check.deny == {{
		"msg": "infrastructure_encryption_enabled is not true: data at rest has a single layer of encryption",
		"resource": "azurerm_storage_account.main",
		"attribute": "infrastructure_encryption_enabled",
	}} with input as fixtures.plan([_sa({"infrastructure_encryption_enabled": false})])
}

test_deny_when_unset_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as fixtures.state([_sa({})])
}

test_allow_infrastructure_encryption if {
	check.deny == set() with input as fixtures.plan([_sa({"infrastructure_encryption_enabled": true})])
	check.deny == set() with input as fixtures.state([_sa({"infrastructure_encryption_enabled": true})])
}

test_unknown_infrastructure_encryption if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["infrastructure_encryption_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "infrastructure_encryption_enabled is unknown until apply",
		"resource": "azurerm_storage_account.main",
		"attribute": "infrastructure_encryption_enabled",
	}} with input as inp
}
