package tenet.azure.sql.entra_admin_test

import rego.v1

import data.tenet.azure.sql.entra_admin as check
import data.tenet.lib.fixtures

_server(values) := fixtures.resource("azurerm_mssql_server", "db", object.union({"name": "acme-db"}, values))

test_deny_without_admin if {
	check.deny == {{
		"msg": "no azuread_administrator block or azurerm_sql_active_directory_administrator: only SQL logins can administer the server",
		"resource": "azurerm_mssql_server.db",
		"attribute": "azuread_administrator",
	}} with input as fixtures.plan([_server({"azuread_administrator": []})])
}

test_unknown_dynamic_admin_block if {
	inp := fixtures.plan([fixtures.with_unknown(_server({}), ["azuread_administrator"])])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["azurerm_mssql_server.db", "azuread_administrator"]} with input as inp
}

test_allow_inline_admin if {
	check.deny == set() with input as fixtures.plan([_server({"azuread_administrator": [{"login_username": "sql-admins", "object_id": "0000"}]})])
}

test_allow_separate_admin_by_name if {
	admin := fixtures.resource(check._separate, "admin", {"server_name": "acme-db", "login": "sql-admins"})
	check.deny == set() with input as fixtures.state([_server({"id": "/subscriptions/s/x/acme-db"}), admin])
}
