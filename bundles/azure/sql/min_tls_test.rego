package tenet.azure.sql.min_tls_test

import rego.v1

import data.tenet.azure.sql.min_tls as check
import data.tenet.lib.fixtures

_server(values) := fixtures.resource("azurerm_mssql_server", "db", object.union({"name": "acme-db"}, values))

test_deny_tls1_0 if {
	check.deny == {{
		"msg": "minimum_tls_version is 1.0: clients may connect with TLS older than 1.2",
		"resource": "azurerm_mssql_server.db",
		"attribute": "minimum_tls_version",
	}} with input as fixtures.plan([_server({"minimum_tls_version": "1.0"})])
}

test_deny_tls1_1_and_disabled_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_mssql_server.db"} with input as fixtures.state([_server({"minimum_tls_version": "1.1"})])
	{f.msg | some f in check.deny} == {"minimum_tls_version is Disabled: clients may connect with TLS older than 1.2"} with input as fixtures.state([_server({"minimum_tls_version": "Disabled"})])
}

test_allow_tls1_2_and_v2_absent if {
	check.deny == set() with input as fixtures.plan([_server({"minimum_tls_version": "1.2"})])
	check.deny == set() with input as fixtures.plan([_server({"minimum_tls_version": "1.3"})])
	check.deny == set() with input as fixtures.state([_server({})])
}

test_unknown_min_tls if {
	inp := fixtures.plan([fixtures.from_local(_server({}), ["minimum_tls_version"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"minimum_tls_version"} with input as inp
}
