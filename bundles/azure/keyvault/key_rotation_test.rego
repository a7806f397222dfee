package tenet.azure.keyvault.key_rotation_test

import rego.v1

import data.tenet.azure.keyvault.key_rotation as check
import data.tenet.lib.fixtures

_key(values) := fixtures.resource("azurerm_key_vault_key", "main", object.union({"name": "acme-key", "key_type": "RSA", "key_size": 2048}, values))

_policy(automatic) := {"rotation_policy": [{"expire_after": "P90D", "notify_before_expiry": "P29D", "automatic": automatic}]}

test_deny_without_rotation_policy if {
	check.deny == {{
		"msg": "rotation_policy.automatic sets neither time_after_creation nor time_before_expiry: the key is not rotated automatically",
		"resource": "azurerm_key_vault_key.main",
		"attribute": "rotation_policy.automatic",
	}} with input as fixtures.plan([_key({})])
}

# An expiry and a notification alone do not rotate the key.
test_deny_policy_without_automatic_in_state if {
	{f.resource | some f in check.deny} == {"azurerm_key_vault_key.main"} with input as fixtures.state([_key(_policy([]))])
	{f.resource | some f in check.deny} == {"azurerm_key_vault_key.main"} with input as fixtures.state([_key(_policy([{"time_after_creation": null, "time_before_expiry": null}]))])
}

test_allow_automatic_rotation if {
	check.deny == set() with input as fixtures.plan([_key(_policy([{"time_before_expiry": "P30D"}]))])
	check.deny == set() with input as fixtures.state([_key(_policy([{"time_after_creation": "P60D", "time_before_expiry": null}]))])
}

test_allow_rotation_from_another_resource if {
	k := fixtures.with_refs(fixtures.with_unknown(_key(_policy([{}])), ["rotation_policy.0.automatic.0.time_before_expiry"]), {"rotation_policy.automatic.time_before_expiry": ["time_offset.rotate"]})
	check.deny == set() with input as fixtures.plan([k])
	check.unknown == set() with input as fixtures.plan([k])
}

test_unknown_trigger_through_local if {
	k := fixtures.from_local(_key(_policy([{}])), ["rotation_policy.0.automatic.0.time_after_creation"])
	inp := fixtures.plan([k])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "rotation_policy.automatic.time_after_creation is unknown until apply",
		"resource": "azurerm_key_vault_key.main",
		"attribute": "rotation_policy.automatic.time_after_creation",
	}} with input as inp
}

test_unknown_policy_through_local if {
	inp := fixtures.plan([fixtures.from_local(_key({}), ["rotation_policy"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"rotation_policy.automatic.time_after_creation", "rotation_policy.automatic.time_before_expiry"} with input as inp
}
