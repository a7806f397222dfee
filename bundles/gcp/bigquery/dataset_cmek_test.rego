package tenet.gcp.bigquery.dataset_cmek_test

import rego.v1

import data.tenet.gcp.bigquery.dataset_cmek as check
import data.tenet.lib.fixtures

_key := "default_encryption_configuration.0.kms_key_name"

test_deny_without_key if {
	check.deny == {{
		"msg": "the dataset has no default customer-managed key",
		"resource": "google_bigquery_dataset.ds",
		"attribute": _key,
	}} with input as fixtures.state([fixtures.resource("google_bigquery_dataset", "ds", {"name": "ds"})])
}

# A block the provider computes because the configuration leaves it out is
# unset, not unknown.
test_deny_left_out_in_plan if {
	x := fixtures.computed(fixtures.resource("google_bigquery_dataset", "ds", {"name": "ds"}), ["default_encryption_configuration"])
	{f.resource | some f in check.deny} == {"google_bigquery_dataset.ds"} with input as fixtures.plan([x])
	check.unknown == set() with input as fixtures.plan([x])
}

test_allow_with_key if {
	inp := fixtures.state([fixtures.resource("google_bigquery_dataset", "ds", {"default_encryption_configuration": [{"kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# The key created by the same plan: its id is unknown, the reference shows it is set.
test_allow_key_from_resource if {
	key := fixtures.resource("google_kms_crypto_key", "k", {"name": "k"})
	x := fixtures.with_refs(fixtures.from_local(fixtures.resource("google_bigquery_dataset", "ds", {"name": "ds"}), [_key]), {"default_encryption_configuration.kms_key_name": [key.config_address]})
	check.deny == set() with input as fixtures.plan([key, x])
	check.unknown == set() with input as fixtures.plan([key, x])
}

test_unknown_key_through_local if {
	x := fixtures.from_local(fixtures.resource("google_bigquery_dataset", "ds", {"name": "ds"}), [_key])
	check.deny == set() with input as fixtures.plan([x])
	{f.attribute | some f in check.unknown} == {_key} with input as fixtures.plan([x])
}
