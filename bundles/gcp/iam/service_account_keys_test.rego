package tenet.gcp.iam.service_account_keys_test

import rego.v1

import data.tenet.gcp.iam.service_account_keys as check
import data.tenet.lib.fixtures

test_deny_key if {
	k := fixtures.with_unknown(fixtures.resource("google_service_account_key", "ci", {"key_algorithm": "KEY_ALG_RSA_2048"}), ["private_key", "service_account_id"])
	check.deny == {{"msg": "the resource creates a user-managed service account key", "resource": "google_service_account_key.ci"}} with input as fixtures.plan([k])
}

test_allow_service_account_without_key if {
	sa := fixtures.resource("google_service_account", "ci", {"account_id": "ci"})
	check.deny == set() with input as fixtures.plan([sa])
}

test_allow_deleted_key if {
	k := fixtures.with_action(fixtures.resource("google_service_account_key", "old", {}), "delete")
	check.deny == set() with input as fixtures.plan([k])
}
