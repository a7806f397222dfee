package tenet.azure.sql.audit_retention_test

import rego.v1

import data.tenet.azure.sql.audit_retention as check
import data.tenet.lib.fixtures

_server := fixtures.with_unknown(fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db"}), ["id"])

_policy(values) := fixtures.points_at(fixtures.resource("azurerm_mssql_server_extended_auditing_policy", "db", values), "server_id", _server)

test_deny_90_days if {
	check.deny == {{
		"msg": "retention_in_days of azurerm_mssql_server_extended_auditing_policy.db is 90: audit logs are deleted within 90 days",
		"resource": "azurerm_mssql_server.db",
	}} with input as fixtures.plan([_server, _policy({"retention_in_days": 90})])
}

test_deny_legacy_inline_short_retention if {
	s := fixtures.resource("azurerm_sql_server", "old", {"name": "old", "extended_auditing_policy": [{"retention_in_days": 30}]})
	{[f.resource, f.attribute] | some f in check.deny} == {["azurerm_sql_server.old", "extended_auditing_policy.retention_in_days"]} with input as fixtures.state([s])
}

test_allow_long_or_unlimited_retention if {
	check.deny == set() with input as fixtures.plan([_server, _policy({"retention_in_days": 91})])
	check.deny == set() with input as fixtures.plan([_server, _policy({"retention_in_days": 0})])
	check.deny == set() with input as fixtures.plan([_server])
}

test_unknown_retention if {
	inp := fixtures.plan([_server, fixtures.with_unknown(_policy({}), ["retention_in_days"])])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"retention_in_days of azurerm_mssql_server_extended_auditing_policy.db is unknown until apply"} with input as inp
}

test_unknown_inline_retention_through_local if {
	s := fixtures.from_local(fixtures.resource("azurerm_mssql_server", "db", {"name": "acme-db", "extended_auditing_policy": [{}]}), ["extended_auditing_policy.0.retention_in_days"])
	check.deny == set() with input as fixtures.plan([s])
	{f.attribute | some f in check.unknown} == {"extended_auditing_policy.retention_in_days"} with input as fixtures.plan([s])
}
