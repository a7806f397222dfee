package tenet.azure.keyvault.audit_logging_test

import rego.v1

import data.tenet.azure.keyvault.audit_logging as check
import data.tenet.lib.fixtures

_kv := fixtures.with_unknown(fixtures.resource("azurerm_key_vault", "main", {"name": "acme-kv"}), ["id"])

_ds(values) := fixtures.points_at(fixtures.resource("azurerm_monitor_diagnostic_setting", "kv", object.union({"name": "kv-logs"}, values)), "target_resource_id", _kv)

_msg := "no azurerm_monitor_diagnostic_setting sends the vault's AuditEvent logs anywhere"

test_deny_without_diagnostic_setting if {
	check.deny == {{"msg": _msg, "resource": "azurerm_key_vault.main"}} with input as fixtures.plan([_kv])
}

test_deny_metrics_only if {
	ds := _ds({"enabled_log": [], "metric": [{"category": "AllMetrics"}]})
	{f.resource | some f in check.deny} == {"azurerm_key_vault.main"} with input as fixtures.plan([_kv, ds])
}

test_deny_legacy_log_disabled if {
	ds := _ds({"log": [{"category": "AuditEvent", "enabled": false}]})
	{f.resource | some f in check.deny} == {"azurerm_key_vault.main"} with input as fixtures.plan([_kv, ds])
}

test_allow_category_or_group if {
	check.deny == set() with input as fixtures.plan([_kv, _ds({"enabled_log": [{"category": "AuditEvent", "category_group": null}]})])
	check.deny == set() with input as fixtures.plan([_kv, _ds({"enabled_log": [{"category": null, "category_group": "allLogs"}]})])
	check.deny == set() with input as fixtures.plan([_kv, _ds({"log": [{"category": "AuditEvent", "enabled": true}]})])
}

test_allow_joined_by_id_in_state if {
	kv := fixtures.resource("azurerm_key_vault", "main", {"name": "acme-kv", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/acme-kv"})
	ds := fixtures.resource("azurerm_monitor_diagnostic_setting", "kv", {"target_resource_id": kv.values.id, "enabled_log": [{"category_group": "audit"}]})
	check.deny == set() with input as fixtures.state([kv, ds])
}

test_unknown_enabled_log if {
	ds := fixtures.with_unknown(_ds({}), ["enabled_log"])
	inp := fixtures.plan([_kv, ds])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "enabled_log of azurerm_monitor_diagnostic_setting.kv is unknown until apply", "resource": "azurerm_key_vault.main"}} with input as inp
}
