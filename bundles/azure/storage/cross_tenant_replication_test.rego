package tenet.azure.storage.cross_tenant_replication_test

import rego.v1

import data.tenet.azure.storage.cross_tenant_replication as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

test_deny_cross_tenant_replication_enabled if {
	check.deny == {{
		"msg": "cross_tenant_replication_enabled is true: object replication may copy blobs to accounts in other tenants",
		"resource": "azurerm_storage_account.main",
		"attribute": "cross_tenant_replication_enabled",
	}} with input as fixtures.plan([_sa({"cross_tenant_replication_enabled": true})])
}

# A v3 account left at the provider's default: state carries true.
test_deny_v3_default_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as fixtures.state([_sa({"cross_tenant_replication_enabled": true})])
}

# v4 writes its default, false; v2 state has no attribute.
test_allow_disabled_or_absent if {
	check.deny == set() with input as fixtures.plan([_sa({"cross_tenant_replication_enabled": false})])
	check.deny == set() with input as fixtures.state([_sa({"cross_tenant_replication_enabled": false})])
	check.deny == set() with input as fixtures.state([_sa({})])
}

test_unknown_cross_tenant_replication if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["cross_tenant_replication_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "cross_tenant_replication_enabled is unknown until apply",
		"resource": "azurerm_storage_account.main",
		"attribute": "cross_tenant_replication_enabled",
	}} with input as inp
}
