package tenet.gcp.dataproc.cluster_cmek_test

import rego.v1

import data.tenet.gcp.dataproc.cluster_cmek as check
import data.tenet.lib.fixtures

_key := "cluster_config.0.encryption_config.0.kms_key_name"

test_deny_without_key if {
	check.deny == {{
		"msg": "the cluster has no customer-managed encryption key",
		"resource": "google_dataproc_cluster.etl",
		"attribute": _key,
	}} with input as fixtures.state([fixtures.resource("google_dataproc_cluster", "etl", {"name": "etl"})])
}

# A block the provider computes because the configuration leaves it out is
# unset, not unknown.
test_deny_left_out_in_plan if {
	x := fixtures.computed(fixtures.resource("google_dataproc_cluster", "etl", {"name": "etl"}), ["cluster_config"])
	{f.resource | some f in check.deny} == {"google_dataproc_cluster.etl"} with input as fixtures.plan([x])
	check.unknown == set() with input as fixtures.plan([x])
}

test_allow_with_key if {
	inp := fixtures.state([fixtures.resource("google_dataproc_cluster", "etl", {"cluster_config": [{"encryption_config": [{"kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# The key created by the same plan: its id is unknown, the reference shows it is set.
test_allow_key_from_resource if {
	key := fixtures.resource("google_kms_crypto_key", "k", {"name": "k"})
	x := fixtures.with_refs(fixtures.from_local(fixtures.resource("google_dataproc_cluster", "etl", {"name": "etl"}), [_key]), {"cluster_config.encryption_config.kms_key_name": [key.config_address]})
	check.deny == set() with input as fixtures.plan([key, x])
	check.unknown == set() with input as fixtures.plan([key, x])
}

test_unknown_key_through_local if {
	x := fixtures.from_local(fixtures.resource("google_dataproc_cluster", "etl", {"name": "etl"}), [_key])
	check.deny == set() with input as fixtures.plan([x])
	{f.attribute | some f in check.unknown} == {_key} with input as fixtures.plan([x])
}
