package tenet.azure.sql.public_network_access_test

import rego.v1

import data.tenet.azure.sql.public_network_access as check
import data.tenet.lib.fixtures

_server(values) := fixtures.resource("azurerm_mssql_server", "db", object.union({"name": "acme-db"}, values))

_msg := "public_network_access_enabled is not false: the server accepts connections on its public endpoint"

test_deny_public_access_on if {
	check.deny == {{
		"msg": _msg,
		"resource": "azurerm_mssql_server.db",
		"attribute": "public_network_access_enabled",
	}} with input as fixtures.plan([_server({"public_network_access_enabled": true})])
}

test_deny_default_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_mssql_server.db"} with input as fixtures.state([_server({})])
}

test_allow_public_access_off if {
	check.deny == set() with input as fixtures.plan([_server({"public_network_access_enabled": false})])
	check.deny == set() with input as fixtures.state([_server({"public_network_access_enabled": false})])
}

test_legacy_sql_server_not_judged if {
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_sql_server", "old", {"name": "old"})])
}

test_unknown_public_access if {
	inp := fixtures.plan([fixtures.from_local(_server({}), ["public_network_access_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"public_network_access_enabled"} with input as inp
}
