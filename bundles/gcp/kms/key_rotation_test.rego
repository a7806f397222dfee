package tenet.gcp.kms.key_rotation_test

import rego.v1

import data.tenet.gcp.kms.key_rotation as check
import data.tenet.lib.fixtures

_key(values) := fixtures.resource("google_kms_crypto_key", "k", object.union({"name": "k"}, values))

test_deny_without_rotation if {
	check.deny == {{
		"msg": "no rotation_period: the key never rotates",
		"resource": "google_kms_crypto_key.k",
		"attribute": "rotation_period",
	}} with input as fixtures.plan([_key({"rotation_period": null})])
}

test_deny_rotation_too_long if {
	{f.msg | some f in check.deny} == {"rotation_period 31536000s is longer than 90 days (7776000s)"} with input as fixtures.state([_key({"purpose": "ENCRYPT_DECRYPT", "rotation_period": "31536000s"})])
}

test_allow_90_days_and_asymmetric if {
	inp := fixtures.state([
		_key({"rotation_period": "7776000s"}),
		fixtures.resource("google_kms_crypto_key", "sign", {"purpose": "ASYMMETRIC_SIGN"}),
	])
	check.deny == set() with input as inp
}

test_unknown_rotation_period if {
	inp := fixtures.plan([fixtures.with_unknown(_key({}), ["rotation_period"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_kms_crypto_key.k"} with input as inp
}
