package tenet.azure.cosmosdb.local_auth_test

import rego.v1

import data.tenet.azure.cosmosdb.local_auth as check
import data.tenet.lib.fixtures

_acct(name, values) := fixtures.resource("azurerm_cosmosdb_account", name, object.union({"name": name}, values))

test_deny_keys_allowed if {
	check.deny == {{
		"msg": "local_authentication_disabled is not true: clients can authenticate with account keys instead of Microsoft Entra ID",
		"resource": "azurerm_cosmosdb_account.db",
		"attribute": "local_authentication_disabled",
	}} with input as fixtures.plan([_acct("db", {"local_authentication_disabled": false})])
}

test_deny_default_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_cosmosdb_account.db"} with input as fixtures.state([_acct("db", {})])
}

test_allow_local_auth_disabled if {
	check.deny == set() with input as fixtures.plan([_acct("db", {"local_authentication_disabled": true})])
	check.deny == set() with input as fixtures.state([_acct("db", {"local_authentication_disabled": true})])
}

test_unknown_local_auth if {
	inp := fixtures.plan([fixtures.from_local(_acct("db", {}), ["local_authentication_disabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "local_authentication_disabled is unknown until apply",
		"resource": "azurerm_cosmosdb_account.db",
		"attribute": "local_authentication_disabled",
	}} with input as inp
}
