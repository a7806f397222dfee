package tenet.gcp.storage.bucket_cmek_test

import rego.v1

import data.tenet.gcp.storage.bucket_cmek as check
import data.tenet.lib.fixtures

_key := "encryption.0.default_kms_key_name"

test_deny_without_key if {
	check.deny == {{
		"msg": "the bucket has no default customer-managed key",
		"resource": "google_storage_bucket.data",
		"attribute": _key,
	}} with input as fixtures.state([fixtures.resource("google_storage_bucket", "data", {"name": "data"})])
}

# A block the provider computes because the configuration leaves it out is
# unset, not unknown.
test_deny_left_out_in_plan if {
	x := fixtures.computed(fixtures.resource("google_storage_bucket", "data", {"name": "data"}), ["encryption"])
	{f.resource | some f in check.deny} == {"google_storage_bucket.data"} with input as fixtures.plan([x])
	check.unknown == set() with input as fixtures.plan([x])
}

test_allow_with_key if {
	inp := fixtures.state([fixtures.resource("google_storage_bucket", "data", {"encryption": [{"default_kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# The key created by the same plan: its id is unknown, the reference shows it is set.
test_allow_key_from_resource if {
	key := fixtures.resource("google_kms_crypto_key", "k", {"name": "k"})
	x := fixtures.with_refs(fixtures.from_local(fixtures.resource("google_storage_bucket", "data", {"name": "data"}), [_key]), {"encryption.default_kms_key_name": [key.config_address]})
	check.deny == set() with input as fixtures.plan([key, x])
	check.unknown == set() with input as fixtures.plan([key, x])
}

test_unknown_key_through_local if {
	x := fixtures.from_local(fixtures.resource("google_storage_bucket", "data", {"name": "data"}), [_key])
	check.deny == set() with input as fixtures.plan([x])
	{f.attribute | some f in check.unknown} == {_key} with input as fixtures.plan([x])
}
