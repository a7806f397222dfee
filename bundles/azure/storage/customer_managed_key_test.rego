package tenet.azure.storage.customer_managed_key_test

import rego.v1

import data.tenet.azure.storage.customer_managed_key as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

_new_sa := fixtures.with_unknown(_sa({}), ["id"])

_cmk := fixtures.resource("azurerm_storage_account_customer_managed_key", "main", {"key_name": "storage"})

test_deny_without_key if {
	check.deny == {{
		"msg": "no customer_managed_key block or azurerm_storage_account_customer_managed_key: data is encrypted with a Microsoft-managed key",
		"resource": "azurerm_storage_account.main",
		"attribute": "customer_managed_key",
	}} with input as fixtures.plan([_new_sa])
}

test_deny_key_of_another_account if {
	other := fixtures.patch(fixtures.with_unknown(_sa({}), ["id"]), {"address": "azurerm_storage_account.other", "config_address": "azurerm_storage_account.other"})
	inp := fixtures.plan([_new_sa, other, fixtures.points_at(_cmk, "storage_account_id", other)])
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as inp
}

test_allow_inline_key if {
	check.deny == set() with input as fixtures.plan([_sa({"customer_managed_key": [{"key_vault_key_id": "https://kv/keys/k", "user_assigned_identity_id": "/id"}]})])
}

test_allow_separate_key_by_reference if {
	check.deny == set() with input as fixtures.plan([_new_sa, fixtures.points_at(_cmk, "storage_account_id", _new_sa)])
}

test_allow_separate_key_by_id_in_state if {
	sa := _sa({"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmemain"})
	cmk := fixtures.patch(_cmk, {"values": {"storage_account_id": sa.values.id}})
	check.deny == set() with input as fixtures.state([sa, cmk])
}

test_unknown_inline_key if {
	inp := fixtures.plan([fixtures.with_unknown(_new_sa, ["customer_managed_key"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"customer_managed_key"} with input as inp
}
