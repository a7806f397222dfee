package tenet.azure.keyvault.secret_expiration_test

import rego.v1

import data.tenet.azure.keyvault.secret_expiration as check
import data.tenet.lib.fixtures

_secret(values) := fixtures.resource("azurerm_key_vault_secret", "db", object.union({"name": "db-password"}, values))

test_deny_without_expiration if {
	check.deny == {{
		"msg": "expiration_date is not set: the secret never expires",
		"resource": "azurerm_key_vault_secret.db",
		"attribute": "expiration_date",
	}} with input as fixtures.plan([_secret({"expiration_date": null})])
}

test_allow_expiration_date if {
	check.deny == set() with input as fixtures.plan([_secret({"expiration_date": "2027-01-01T00:00:00Z"})])
}

test_unknown_expiration_date if {
	inp := fixtures.plan([fixtures.with_unknown(_secret({}), ["expiration_date"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"expiration_date"} with input as inp
}
