package tenet.azure.postgresql.connection_logging_test

import rego.v1

import data.tenet.azure.postgresql.connection_logging as check
import data.tenet.lib.fixtures

_server := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_server", "old", {"name": "acme-old", "resource_group_name": "rg"}), ["id"])

_config(label, name, value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_configuration", label, {"name": name, "value": value, "resource_group_name": "rg"}), "server_name", _server)

test_deny_default_log_disconnections if {
	check.deny == {{
		"msg": "log_disconnections is not configured and keeps the Azure default, off: session ends are not logged",
		"resource": "azurerm_postgresql_server.old",
	}} with input as fixtures.plan([_server])
}

test_deny_log_connections_off if {
	inp := fixtures.plan([_server, _config("c", "log_connections", "OFF"), _config("d", "log_disconnections", "on")])
	check.deny == {{
		"msg": "azurerm_postgresql_configuration.c sets log_connections to OFF: connection attempts are not logged",
		"resource": "azurerm_postgresql_server.old",
	}} with input as inp
}

test_allow_both_on if {
	check.deny == set() with input as fixtures.plan([_server, _config("c", "log_connections", "on"), _config("d", "log_disconnections", "on")])
	check.deny == set() with input as fixtures.plan([_server, _config("d", "log_disconnections", "ON")])
}

test_allow_in_state_joined_by_name if {
	s := fixtures.resource("azurerm_postgresql_server", "old", {"name": "acme-old", "resource_group_name": "rg", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/servers/acme-old"})
	d := fixtures.resource("azurerm_postgresql_configuration", "d", {"name": "log_disconnections", "value": "on", "server_name": "acme-old", "resource_group_name": "rg"})
	check.deny == set() with input as fixtures.state([s, d])

	# The same name in another resource group configures another server.
	other := object.union(d, {"values": {"resource_group_name": "rg2"}})
	{f.resource | some f in check.deny} == {"azurerm_postgresql_server.old"} with input as fixtures.state([s, other])
}

test_unknown_value if {
	c := fixtures.from_local(_config("d", "log_disconnections", null), ["value"])
	inp := fixtures.plan([_server, c])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "value of azurerm_postgresql_configuration.d is unknown until apply",
		"resource": "azurerm_postgresql_server.old",
	}} with input as inp
}

test_unknown_server_through_each_value if {
	c := fixtures.from_local(fixtures.resource("azurerm_postgresql_configuration", "each", {"name": "log_disconnections", "value": "on", "resource_group_name": "rg"}), ["server_name"])
	inp := fixtures.plan([_server, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_name of azurerm_postgresql_configuration.each is unknown until apply"} with input as inp
}

test_unknown_name if {
	c := fixtures.from_local(_config("n", null, "on"), ["name"])
	inp := fixtures.plan([_server, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"name of azurerm_postgresql_configuration.n is unknown until apply"} with input as inp
}
