package tenet.azure.mysql.min_tls_test

import rego.v1

import data.tenet.azure.mysql.min_tls as check
import data.tenet.lib.fixtures

_flex := fixtures.with_unknown(fixtures.resource("azurerm_mysql_flexible_server", "db", {"name": "acme-my"}), ["id"])

_config(value) := fixtures.points_at(fixtures.resource("azurerm_mysql_flexible_server_configuration", "tls", {"name": "tls_version", "value": value}), "server_name", _flex)

_single(values) := fixtures.resource("azurerm_mysql_server", "old", object.union({"name": "old"}, values))

test_deny_flexible_old_tls if {
	check.deny == {{
		"msg": "azurerm_mysql_flexible_server_configuration.tls sets tls_version to TLSv1.1,TLSv1.2: clients may connect with TLS older than 1.2",
		"resource": "azurerm_mysql_flexible_server.db",
	}} with input as fixtures.plan([_flex, _config("TLSv1.1,TLSv1.2")])
	{f.resource | some f in check.deny} == {"azurerm_mysql_flexible_server.db"} with input as fixtures.plan([_flex, _config("TLSv1, TLSv1.2")])
}

test_deny_single_server_old_tls if {
	check.deny == {{
		"msg": "ssl_minimal_tls_version_enforced is TLS1_1: clients may connect with TLS older than 1.2",
		"resource": "azurerm_mysql_server.old",
		"attribute": "ssl_minimal_tls_version_enforced",
	}} with input as fixtures.plan([_single({"ssl_minimal_tls_version_enforced": "TLS1_1"})])
	{f.resource | some f in check.deny} == {"azurerm_mysql_server.old"} with input as fixtures.state([_single({"ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})])
}

test_allow_defaults_and_tls1_2 if {
	inp := fixtures.plan([_flex, _single({"ssl_minimal_tls_version_enforced": "TLS1_2"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.plan([_flex, _config("TLSv1.2,TLSv1.3")])
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
	c := fixtures.from_local(fixtures.resource("azurerm_mysql_flexible_server_configuration", "each", {"name": "tls_version", "value": "TLSv1"}), ["server_name"])
	inp := fixtures.plan([_flex, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"server_name of azurerm_mysql_flexible_server_configuration.each is unknown until apply"} with input as inp
}

test_unknown_single_server_tls if {
	inp := fixtures.plan([fixtures.from_local(_single({}), ["ssl_minimal_tls_version_enforced"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"ssl_minimal_tls_version_enforced"} with input as inp
}
