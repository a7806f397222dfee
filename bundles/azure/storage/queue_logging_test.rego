package tenet.azure.storage.queue_logging_test

import rego.v1

import data.tenet.azure.storage.queue_logging as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain", "account_tier": "Standard"}, values))

# A v4 account on create, configured without queue_properties: the
# provider computes the block.
_new_sa := fixtures.computed(fixtures.with_configured(_sa({}), ["name", "account_tier"]), ["id", "queue_properties"])

_logging(read, write, delete) := {"version": "1.0", "read": read, "write": write, "delete": delete, "retention_policy_days": 10}

_queue_properties(logging) := fixtures.resource("azurerm_storage_account_queue_properties", "main", {"logging": [logging]})

test_deny_without_logging if {
	check.deny == {{
		"msg": "no queue_properties.logging (inline or azurerm_storage_account_queue_properties): queue requests are not logged",
		"resource": "azurerm_storage_account.main",
		"attribute": "queue_properties.logging",
	}} with input as fixtures.plan([_new_sa])
	check.unknown == set() with input as fixtures.plan([_new_sa])
}

test_deny_inline_logging_without_reads if {
	sa := _sa({"queue_properties": [{"logging": [_logging(false, true, true)]}]})
	check.deny == {{
		"msg": "queue_properties.logging does not log read requests",
		"resource": "azurerm_storage_account.main",
		"attribute": "queue_properties.logging",
	}} with input as fixtures.plan([sa])
}

# State of a v3 account: queue_properties read back without logging.
test_deny_v3_state_without_logging if {
	sa := _sa({"account_kind": "StorageV2", "queue_properties": [{"cors_rule": [], "logging": [], "hour_metrics": []}]})
	{f.msg | some f in check.deny} == {"no queue_properties.logging (inline or azurerm_storage_account_queue_properties): queue requests are not logged"} with input as fixtures.state([sa])
}

test_deny_separate_logging_without_writes_and_deletes if {
	inp := fixtures.plan([_new_sa, fixtures.points_at(_queue_properties(_logging(true, false, false)), "storage_account_id", _new_sa)])
	check.deny == {{
		"msg": "the logging block of azurerm_storage_account_queue_properties.main does not log write, delete requests",
		"resource": "azurerm_storage_account.main",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_allow_inline_logging if {
	sa := _sa({"queue_properties": [{"logging": [_logging(true, true, true)]}]})
	check.deny == set() with input as fixtures.plan([sa])
	check.deny == set() with input as fixtures.state([sa])
}

test_allow_separate_queue_properties if {
	inp := fixtures.plan([_new_sa, fixtures.points_at(_queue_properties(_logging(true, true, true)), "storage_account_id", _new_sa)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	sa := _sa({"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmemain"})
	qp := fixtures.patch(_queue_properties(_logging(true, true, true)), {"values": {"storage_account_id": sa.values.id}})
	check.deny == set() with input as fixtures.state([sa, qp])
}

# No Queue service: blob-only and file-only kinds, and Premium accounts.
test_allow_accounts_without_queues if {
	check.deny == set() with input as fixtures.state([_sa({"account_kind": "BlockBlobStorage", "account_tier": "Premium"})])
	check.deny == set() with input as fixtures.state([_sa({"account_kind": "FileStorage", "account_tier": "Premium"})])
	check.deny == set() with input as fixtures.state([_sa({"account_kind": "BlobStorage"})])
	check.deny == set() with input as fixtures.state([_sa({"account_kind": "StorageV2", "account_tier": "Premium"})])
}

test_unknown_logging_flag_through_local if {
	sa := fixtures.from_local(_sa({"queue_properties": [{"logging": [{"version": "1.0", "read": true, "write": true}]}]}), ["queue_properties.0.logging.0.delete"])
	inp := fixtures.plan([sa])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "queue_properties.logging.delete is unknown until apply",
		"resource": "azurerm_storage_account.main",
		"attribute": "queue_properties.logging.delete",
	}} with input as inp
}

test_unknown_queue_properties_through_local if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["queue_properties"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"queue_properties.logging"} with input as inp
}

test_unknown_separate_logging_through_local if {
	qp := fixtures.from_local(fixtures.points_at(_queue_properties({"version": "1.0", "delete": true, "write": true}), "storage_account_id", _new_sa), ["logging.0.read"])
	inp := fixtures.plan([_new_sa, qp])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "logging.read of azurerm_storage_account_queue_properties.main is unknown until apply",
		"resource": "azurerm_storage_account.main",
	}} with input as inp
}

test_unknown_account_kind if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["account_kind"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"account_kind"} with input as inp
}
