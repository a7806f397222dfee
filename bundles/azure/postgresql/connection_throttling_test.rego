package tenet.azure.postgresql.connection_throttling_test

import rego.v1

import data.tenet.azure.postgresql.connection_throttling as check
import data.tenet.lib.fixtures

_flex := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_flexible_server", "db", {"name": "acme-pg"}), ["id"])

_flex_config(value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_flexible_server_configuration", "throttle", {"name": "connection_throttle.enable", "value": value}), "server_id", _flex)

_single := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_server", "old", {"name": "acme-old"}), ["id"])

_single_config(value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_configuration", "throttle", {"name": "connection_throttling", "value": value}), "server_name", _single)

test_deny_flexible_default if {
	check.deny == {{
		"msg": "connection_throttle.enable is not configured and keeps the Azure default, off: failed logins are not throttled",
		"resource": "azurerm_postgresql_flexible_server.db",
	}} with input as fixtures.plan([_flex])
}

test_deny_single_server_off if {
	check.deny == {{
		"msg": "azurerm_postgresql_configuration.throttle sets connection_throttling to off: failed logins are not throttled",
		"resource": "azurerm_postgresql_server.old",
	}} with input as fixtures.plan([_single, _single_config("off")])
}

test_allow_flexible_on_and_single_default if {
	check.deny == set() with input as fixtures.plan([_flex, _flex_config("on"), _single])
	check.unknown == set() with input as fixtures.plan([_flex, _flex_config("on"), _single])
}

test_allow_flexible_on_in_state if {
	s := fixtures.resource("azurerm_postgresql_flexible_server", "db", {"name": "acme-pg", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/acme-pg"})
	c := fixtures.resource("azurerm_postgresql_flexible_server_configuration", "throttle", {"name": "connection_throttle.enable", "value": "ON", "server_id": s.values.id})
	check.deny == set() with input as fixtures.state([s, c])
}

test_unknown_value if {
	inp := fixtures.plan([_flex, fixtures.from_local(_flex_config(null), ["value"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "value of azurerm_postgresql_flexible_server_configuration.throttle is unknown until apply",
		"resource": "azurerm_postgresql_flexible_server.db",
	}} with input as inp
}

test_unknown_server_through_each_value if {
	c := fixtures.from_local(fixtures.resource("azurerm_postgresql_configuration", "each", {"name": "connection_throttling", "value": "off"}), ["server_name"])
	inp := fixtures.plan([_single, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_name of azurerm_postgresql_configuration.each is unknown until apply"} with input as inp
}
