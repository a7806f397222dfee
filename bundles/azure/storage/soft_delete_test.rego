package tenet.azure.storage.soft_delete_test

import rego.v1

import data.tenet.azure.storage.soft_delete as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain", "account_kind": "StorageV2"}, values))

_with_days(days) := _sa({"blob_properties": [{"delete_retention_policy": [{"days": days}]}]})

test_deny_without_blob_properties if {
	inp := fixtures.plan([fixtures.computed(_sa({}), ["blob_properties"])])
	check.deny == {{
		"msg": "blob_properties.delete_retention_policy is not set: deleted blobs cannot be recovered",
		"resource": "azurerm_storage_account.main",
		"attribute": "blob_properties.delete_retention_policy",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_blob_properties_without_policy if {
	{f.resource | some f in check.deny} == {"azurerm_storage_account.main"} with input as fixtures.state([_sa({"blob_properties": [{"versioning_enabled": true, "delete_retention_policy": []}]})])
}

test_deny_short_retention if {
	{f.msg | some f in check.deny} == {"blob_properties.delete_retention_policy.days is 3, below 7"} with input as fixtures.plan([_with_days(3)])
}

test_allow_seven_days_or_more if {
	check.deny == set() with input as fixtures.plan([_with_days(7)])
	check.deny == set() with input as fixtures.plan([_with_days(30)])
}

test_allow_file_storage_account if {
	check.deny == set() with input as fixtures.plan([_sa({"account_kind": "FileStorage"})])
}

test_unknown_days if {
	inp := fixtures.plan([fixtures.with_unknown(_with_days(null), ["blob_properties.0.delete_retention_policy.0.days"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"blob_properties.delete_retention_policy.days"} with input as inp
}

test_unknown_blob_properties_through_local if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["blob_properties"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"blob_properties.delete_retention_policy.days"} with input as inp
}
