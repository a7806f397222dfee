package tenet.azure.postgresql.log_retention_test

import rego.v1

import data.tenet.azure.postgresql.log_retention as check
import data.tenet.lib.fixtures

_flex := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_flexible_server", "db", {"name": "acme-pg"}), ["id"])

_flex_config(value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_flexible_server_configuration", "logs", {"name": "logfiles.retention_days", "value": value}), "server_id", _flex)

_single := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_server", "old", {"name": "acme-old"}), ["id"])

_single_config(value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_configuration", "logs", {"name": "log_retention_days", "value": value}), "server_name", _single)

test_deny_flexible_default if {
	check.deny == {{
		"msg": "logfiles.retention_days is not configured and keeps the Azure default, 3 days: server logs are deleted after 3 days or less",
		"resource": "azurerm_postgresql_flexible_server.db",
	}} with input as fixtures.plan([_flex])
}

test_deny_single_server_short if {
	check.deny == {{
		"msg": "azurerm_postgresql_configuration.logs sets log_retention_days to 2: server logs are deleted after 3 days or less",
		"resource": "azurerm_postgresql_server.old",
	}} with input as fixtures.plan([_single, _single_config("2")])
	{f.resource | some f in check.deny} == {"azurerm_postgresql_server.old"} with input as fixtures.state([fixtures.resource("azurerm_postgresql_server", "old", {"name": "acme-old"})])
}

test_allow_longer_retention if {
	inp := fixtures.plan([_flex, _flex_config("7"), _single, _single_config("4")])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_value if {
	inp := fixtures.plan([_single, fixtures.from_local(_single_config(null), ["value"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "value of azurerm_postgresql_configuration.logs is unknown until apply",
		"resource": "azurerm_postgresql_server.old",
	}} with input as inp
}

test_unknown_server_through_each_value if {
	c := fixtures.from_local(fixtures.resource("azurerm_postgresql_flexible_server_configuration", "each", {"name": "logfiles.retention_days", "value": "7"}), ["server_id"])
	inp := fixtures.plan([_flex, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_id of azurerm_postgresql_flexible_server_configuration.each is unknown until apply"} with input as inp
}
