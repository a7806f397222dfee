package tenet.azure.aks.rbac_test

import rego.v1

import data.tenet.azure.aks.rbac as check
import data.tenet.lib.fixtures

_aks(values) := fixtures.resource("azurerm_kubernetes_cluster", "main", object.union({"name": "acme-aks"}, values))

_aad := [{"azure_rbac_enabled": true, "admin_group_object_ids": ["0000"]}]

test_deny_rbac_disabled if {
	check.deny == {{
		"msg": "role_based_access_control_enabled is false: Kubernetes RBAC is off",
		"resource": "azurerm_kubernetes_cluster.main",
		"attribute": "role_based_access_control_enabled",
	}} with input as fixtures.plan([_aks({"role_based_access_control_enabled": false})])
}

test_deny_v2_rbac_block_disabled if {
	{f.attribute | some f in check.deny} == {"role_based_access_control.enabled"} with input as fixtures.state([_aks({"role_based_access_control": [{"enabled": false}]})])
}

test_deny_local_account_with_entra_id if {
	inp := fixtures.plan([_aks({"role_based_access_control_enabled": true, "azure_active_directory_role_based_access_control": _aad, "local_account_disabled": false})])
	{f.attribute | some f in check.deny} == {"local_account_disabled"} with input as inp
}

test_allow_rbac if {
	check.deny == set() with input as fixtures.plan([_aks({"role_based_access_control_enabled": true, "local_account_disabled": false})])
	check.deny == set() with input as fixtures.plan([_aks({"role_based_access_control_enabled": true, "azure_active_directory_role_based_access_control": _aad, "local_account_disabled": true})])
}

test_unknown_rbac if {
	inp := fixtures.plan([fixtures.with_unknown(_aks({}), ["role_based_access_control_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"role_based_access_control_enabled"} with input as inp
}

test_unknown_local_account_with_entra_id if {
	inp := fixtures.plan([fixtures.with_unknown(_aks({"role_based_access_control_enabled": true, "azure_active_directory_role_based_access_control": _aad}), ["local_account_disabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"local_account_disabled"} with input as inp
}

# Entra ID integration set through a dynamic block or a local (issue 14).
test_unknown_aad_block_through_local if {
	inp := fixtures.plan([fixtures.from_local(_aks({"role_based_access_control_enabled": true}), ["azure_active_directory_role_based_access_control"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"azure_active_directory_role_based_access_control"} with input as inp
}
