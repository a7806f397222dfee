package tenet.azure.keyvault.key_expiration_test

import rego.v1

import data.tenet.azure.keyvault.key_expiration as check
import data.tenet.lib.fixtures

_key(values) := fixtures.resource("azurerm_key_vault_key", "cmk", object.union({"name": "cmk", "key_type": "RSA"}, values))

test_deny_without_expiration if {
	check.deny == {{
		"msg": "expiration_date is not set: the key never expires",
		"resource": "azurerm_key_vault_key.cmk",
		"attribute": "expiration_date",
	}} with input as fixtures.plan([_key({"expiration_date": null, "rotation_policy": []})])
}

test_deny_rotation_policy_without_expire_after if {
	k := _key({"rotation_policy": [{"expire_after": null, "automatic": [{"time_before_expiry": "P30D"}]}]})
	{f.resource | some f in check.deny} == {"azurerm_key_vault_key.cmk"} with input as fixtures.state([k])
}

test_allow_expiration_date_or_rotation_policy if {
	check.deny == set() with input as fixtures.plan([_key({"expiration_date": "2027-01-01T00:00:00Z"})])
	check.deny == set() with input as fixtures.plan([_key({"rotation_policy": [{"expire_after": "P90D"}]})])
}

test_unknown_expiration_date if {
	inp := fixtures.plan([fixtures.with_unknown(_key({}), ["expiration_date"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"expiration_date"} with input as inp
}

test_unknown_policy_expiry_through_local if {
	k := fixtures.from_local(_key({"rotation_policy": [{}]}), ["rotation_policy.0.expire_after"])
	check.deny == set() with input as fixtures.plan([k])
	{f.attribute | some f in check.unknown} == {"rotation_policy.expire_after"} with input as fixtures.plan([k])
}
