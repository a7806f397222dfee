package tenet.azure.sql.auditing_test

import rego.v1

import data.tenet.azure.sql.auditing as check
import data.tenet.lib.fixtures

_server := fixtures.with_unknown(fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db"}), ["id"])

_policy(values) := fixtures.points_at(fixtures.resource("azurerm_mssql_server_extended_auditing_policy", "db", values), "server_id", _server)

_msg := "no enabled extended auditing policy with a storage or Log Analytics target covers the server"

test_deny_server_without_policy if {
	check.deny == {{"msg": _msg, "resource": "azurerm_mssql_server.db"}} with input as fixtures.plan([_server])
}

test_deny_disabled_policy if {
	inp := fixtures.plan([_server, _policy({"enabled": false, "log_monitoring_enabled": true})])
	{f.resource | some f in check.deny} == {"azurerm_mssql_server.db"} with input as inp
}

test_deny_legacy_sql_server_without_inline_policy if {
	s := fixtures.resource("azurerm_sql_server", "old", {"name": "old", "extended_auditing_policy": []})
	{f.resource | some f in check.deny} == {"azurerm_sql_server.old"} with input as fixtures.state([s])
}

test_allow_policy_with_log_monitoring if {
	check.deny == set() with input as fixtures.plan([_server, _policy({"enabled": true, "log_monitoring_enabled": true, "storage_endpoint": null})])
}

test_allow_policy_with_unknown_storage_endpoint if {
	p := fixtures.with_unknown(_policy({"enabled": true, "log_monitoring_enabled": false}), ["storage_endpoint"])
	check.deny == set() with input as fixtures.plan([_server, p])
}

test_allow_legacy_inline_policy if {
	s := fixtures.resource("azurerm_sql_server", "old", {"name": "old", "extended_auditing_policy": [{"storage_endpoint": "https://acme.blob.core.windows.net/", "retention_in_days": 120}]})
	check.deny == set() with input as fixtures.state([s])
}

test_allow_policy_joined_by_id_in_state if {
	s := fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/acme-db"})
	p := fixtures.resource("azurerm_mssql_server_extended_auditing_policy", "db", {"server_id": s.values.id, "enabled": true, "log_monitoring_enabled": true})
	check.deny == set() with input as fixtures.state([s, p])
}

test_unknown_enabled if {
	p := fixtures.with_unknown(_policy({"log_monitoring_enabled": true}), ["enabled"])
	inp := fixtures.plan([_server, p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "enabled of azurerm_mssql_server_extended_auditing_policy.db is unknown until apply", "resource": "azurerm_mssql_server.db"}} with input as inp
}

test_allow_v2_mssql_inline_policy_with_log_monitoring if {
	s := fixtures.resource("azurerm_mssql_server", "v2", {"name": "v2", "extended_auditing_policy": [{"storage_endpoint": null, "log_monitoring_enabled": true}]})
	check.deny == set() with input as fixtures.state([s])
}
