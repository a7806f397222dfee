package tenet.gcp.gke.secrets_encryption_test

import rego.v1

import data.tenet.gcp.gke.secrets_encryption as check
import data.tenet.lib.fixtures

test_deny_decrypted if {
	check.deny == {{
		"msg": `Secrets are not encrypted with a Cloud KMS key (database_encryption state "DECRYPTED")`,
		"resource": "google_container_cluster.c",
		"attribute": "database_encryption.0.state",
	}} with input as fixtures.state([fixtures.resource("google_container_cluster", "c", {"database_encryption": [{"state": "DECRYPTED", "key_name": ""}]})])
}

test_deny_left_out if {
	c := fixtures.computed(fixtures.resource("google_container_cluster", "c", {}), ["database_encryption"])
	{f.resource | some f in check.deny} == {"google_container_cluster.c"} with input as fixtures.plan([c])
	check.unknown == set() with input as fixtures.plan([c])
}

test_allow_encrypted if {
	c := fixtures.resource("google_container_cluster", "c", {"database_encryption": [{"state": "ENCRYPTED", "key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]})
	check.deny == set() with input as fixtures.plan([c])
}

test_unknown_through_local if {
	c := fixtures.from_local(fixtures.resource("google_container_cluster", "c", {"database_encryption": [{}]}), ["database_encryption.0.state"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"database_encryption.0.state"} with input as fixtures.plan([c])
}
