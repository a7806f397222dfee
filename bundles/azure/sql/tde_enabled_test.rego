package tenet.azure.sql.tde_enabled_test

import rego.v1

import data.tenet.azure.sql.tde_enabled as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("azurerm_mssql_database", "app", object.union({"name": "app"}, values))

test_deny_tde_off if {
	check.deny == {{
		"msg": "transparent_data_encryption_enabled is false: the database, its backups and logs are not encrypted at rest",
		"resource": "azurerm_mssql_database.app",
		"attribute": "transparent_data_encryption_enabled",
	}} with input as fixtures.plan([_db({"transparent_data_encryption_enabled": false})])
}

test_deny_tde_off_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_mssql_database.app"} with input as fixtures.state([_db({"transparent_data_encryption_enabled": false})])
}

test_allow_tde_on_and_v2_default if {
	check.deny == set() with input as fixtures.plan([_db({"transparent_data_encryption_enabled": true})])
	check.deny == set() with input as fixtures.state([_db({})])
}

test_unknown_tde if {
	inp := fixtures.plan([fixtures.from_local(_db({}), ["transparent_data_encryption_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"transparent_data_encryption_enabled"} with input as inp
}
