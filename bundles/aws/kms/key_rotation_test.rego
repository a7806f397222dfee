package tenet.aws.kms.key_rotation_test

import rego.v1

import data.tenet.aws.kms.key_rotation as check
import data.tenet.lib.fixtures

_key(values) := fixtures.resource("aws_kms_key", "k", values)

_finding := {"msg": "automatic key rotation is off", "resource": "aws_kms_key.k", "attribute": "enable_key_rotation"}

test_deny_default_symmetric_key if {
	check.deny == {_finding} with input as fixtures.plan([_key({"description": "logs"})])
}

test_deny_explicit_symmetric_key_rotation_off if {
	k := _key({"key_usage": "ENCRYPT_DECRYPT", "customer_master_key_spec": "SYMMETRIC_DEFAULT", "enable_key_rotation": false})
	check.deny == {_finding} with input as fixtures.state([k])
}

test_allow_rotating_key if {
	check.deny == set() with input as fixtures.plan([_key({"enable_key_rotation": true})])
}

test_allow_asymmetric_and_hmac_keys if {
	inp := fixtures.plan([
		_key({"key_usage": "SIGN_VERIFY", "customer_master_key_spec": "RSA_2048", "enable_key_rotation": false}),
		fixtures.patch(_key({"key_usage": "GENERATE_VERIFY_MAC", "customer_master_key_spec": "HMAC_256"}), {"address": "aws_kms_key.mac"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_rotation if {
	inp := fixtures.plan([fixtures.with_unknown(_key({}), ["enable_key_rotation"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "enable_key_rotation is unknown until apply", "resource": "aws_kms_key.k", "attribute": "enable_key_rotation"}} with input as inp
}

test_unknown_key_spec if {
	inp := fixtures.plan([fixtures.with_unknown(_key({"enable_key_rotation": false}), ["customer_master_key_spec"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"customer_master_key_spec"} with input as inp
}
