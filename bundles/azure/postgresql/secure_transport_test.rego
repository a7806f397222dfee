package tenet.azure.postgresql.secure_transport_test

import rego.v1

import data.tenet.azure.postgresql.secure_transport as check
import data.tenet.lib.fixtures

_flex := fixtures.with_unknown(fixtures.resource("azurerm_postgresql_flexible_server", "db", {"name": "acme-pg"}), ["id"])

_config(name, value) := fixtures.points_at(fixtures.resource("azurerm_postgresql_flexible_server_configuration", "tls", {"name": name, "value": value}), "server_id", _flex)

_single(values) := fixtures.resource("azurerm_postgresql_server", "old", object.union({"name": "old"}, values))

test_deny_flexible_secure_transport_off if {
	check.deny == {{
		"msg": "azurerm_postgresql_flexible_server_configuration.tls sets require_secure_transport to off: clients may connect without TLS",
		"resource": "azurerm_postgresql_flexible_server.db",
	}} with input as fixtures.plan([_flex, _config("require_secure_transport", "OFF")])
}

test_deny_single_server_without_ssl if {
	check.deny == {{
		"msg": "ssl_enforcement_enabled is false: clients may connect without TLS",
		"resource": "azurerm_postgresql_server.old",
		"attribute": "ssl_enforcement_enabled",
	}} with input as fixtures.state([_single({"ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})])
}

test_deny_single_server_old_tls if {
	{f.attribute | some f in check.deny} == {"ssl_minimal_tls_version_enforced"} with input as fixtures.plan([_single({"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"})])
}

test_allow_defaults_and_other_settings if {
	inp := fixtures.plan([
		_flex, _config("log_connections", "off"),
		_single({"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"}),
	])
	check.deny == set() with input as inp
	check.deny == set() with input as fixtures.plan([_flex, _config("require_secure_transport", "on")])
}

test_unknown_configuration_value if {
	c := fixtures.with_unknown(_config("require_secure_transport", null), ["value"])
	inp := fixtures.plan([_flex, c])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"value of azurerm_postgresql_flexible_server_configuration.tls is unknown until apply"} with input as inp
}

test_unknown_single_server_ssl if {
	inp := fixtures.plan([fixtures.with_unknown(_single({"ssl_minimal_tls_version_enforced": "TLS1_2"}), ["ssl_enforcement_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"ssl_enforcement_enabled"} with input as inp
}
