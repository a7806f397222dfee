package tenet.azure.mysql.require_tls_test

import rego.v1

import data.tenet.azure.mysql.require_tls as check
import data.tenet.lib.fixtures

_flex := fixtures.with_unknown(fixtures.resource("azurerm_mysql_flexible_server", "db", {"name": "acme-my", "resource_group_name": "rg"}), ["id"])

_config(value) := fixtures.points_at(fixtures.resource("azurerm_mysql_flexible_server_configuration", "tls", {"name": "require_secure_transport", "value": value, "resource_group_name": "rg"}), "server_name", _flex)

_single(values) := fixtures.resource("azurerm_mysql_server", "old", object.union({"name": "old"}, values))

test_deny_flexible_secure_transport_off if {
	check.deny == {{
		"msg": "azurerm_mysql_flexible_server_configuration.tls sets require_secure_transport to OFF: clients may connect without TLS",
		"resource": "azurerm_mysql_flexible_server.db",
	}} with input as fixtures.plan([_flex, _config("OFF")])
}

test_deny_single_server_without_ssl if {
	check.deny == {{
		"msg": "ssl_enforcement_enabled is false: clients may connect without TLS",
		"resource": "azurerm_mysql_server.old",
		"attribute": "ssl_enforcement_enabled",
	}} with input as fixtures.state([_single({"ssl_enforcement_enabled": false})])
}

test_deny_v2_ssl_enforcement_disabled if {
	check.deny == {{
		"msg": "ssl_enforcement is Disabled: clients may connect without TLS",
		"resource": "azurerm_mysql_server.old",
		"attribute": "ssl_enforcement",
	}} with input as fixtures.state([_single({"ssl_enforcement": "Disabled"})])
}

test_allow_defaults_and_tls_on if {
	inp := fixtures.plan([_flex, _single({"ssl_enforcement_enabled": true})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.plan([_flex, _config("ON")])
	check.deny == set() with input as fixtures.state([_single({"ssl_enforcement": "Enabled"})])
}

test_allow_flexible_in_state_joined_by_name if {
	s := fixtures.resource("azurerm_mysql_flexible_server", "db", {"name": "acme-my", "resource_group_name": "rg", "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforMySQL/flexibleServers/acme-my"})
	c := fixtures.resource("azurerm_mysql_flexible_server_configuration", "tls", {"name": "require_secure_transport", "value": "OFF", "server_name": "acme-my", "resource_group_name": "rg"})
	{f.resource | some f in check.deny} == {"azurerm_mysql_flexible_server.db"} with input as fixtures.state([s, c])
}

test_unknown_configuration_value if {
	inp := fixtures.plan([_flex, fixtures.from_local(_config(null), ["value"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "value of azurerm_mysql_flexible_server_configuration.tls is unknown until apply",
		"resource": "azurerm_mysql_flexible_server.db",
	}} with input as inp
}

test_unknown_configuration_server if {
	c := fixtures.from_local(fixtures.resource("azurerm_mysql_flexible_server_configuration", "each", {"name": "require_secure_transport", "value": "OFF"}), ["server_name"])
	inp := fixtures.plan([_flex, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_name of azurerm_mysql_flexible_server_configuration.each is unknown until apply"} with input as inp
}

test_unknown_single_server_ssl if {
	inp := fixtures.plan([fixtures.from_local(_single({}), ["ssl_enforcement_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"ssl_enforcement_enabled"} with input as inp
}
