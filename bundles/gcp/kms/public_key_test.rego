package tenet.gcp.kms.public_key_test

import rego.v1

import data.tenet.gcp.kms.public_key as check
import data.tenet.lib.fixtures

test_deny_member_all_authenticated_users if {
	m := fixtures.resource("google_kms_crypto_key_iam_member", "m", {"crypto_key_id": "k", "role": "roles/cloudkms.cryptoKeyDecrypter", "member": "allAuthenticatedUsers"})
	check.deny == {{
		"msg": `grants role "roles/cloudkms.cryptoKeyDecrypter" to "allAuthenticatedUsers" on the key`,
		"resource": "google_kms_crypto_key_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([m])
}

test_deny_binding_and_policy if {
	b := fixtures.resource("google_kms_crypto_key_iam_binding", "b", {"role": "roles/cloudkms.admin", "members": ["allUsers"]})
	p := fixtures.resource("google_kms_crypto_key_iam_policy", "p", {"policy_data": `{"bindings":[{"role":"roles/cloudkms.viewer","members":["allUsers"]}]}`})
	{f.resource | some f in check.deny} == {"google_kms_crypto_key_iam_binding.b", "google_kms_crypto_key_iam_policy.p"} with input as fixtures.plan([b, p])
}

test_allow_named_members if {
	b := fixtures.resource("google_kms_crypto_key_iam_binding", "b", {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "members": ["serviceAccount:app@acme.iam.gserviceaccount.com"]})
	check.deny == set() with input as fixtures.plan([b])
}

test_unknown_members if {
	b := fixtures.with_unknown(fixtures.resource("google_kms_crypto_key_iam_binding", "b", {"role": "roles/cloudkms.viewer"}), ["members"])
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_kms_crypto_key_iam_binding.b", "members"]} with input as inp
}
