package tenet.gcp.iam.project_impersonation_test

import rego.v1

import data.tenet.gcp.iam.project_impersonation as check
import data.tenet.lib.fixtures

test_deny_service_account_user_member if {
	m := fixtures.resource("google_project_iam_member", "m", {"role": "roles/iam.serviceAccountUser", "member": "user:dev@acme.com"})
	check.deny == {{
		"msg": `grants role "roles/iam.serviceAccountUser" to "user:dev@acme.com" on the whole project`,
		"resource": "google_project_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([m])
}

test_deny_token_creator_binding if {
	b := fixtures.resource("google_project_iam_binding", "b", {"role": "roles/iam.serviceAccountTokenCreator", "members": ["group:ops@acme.com"]})
	{f.resource | some f in check.deny} == {"google_project_iam_binding.b"} with input as fixtures.plan([b])
}

test_allow_other_roles_and_service_account_level_grant if {
	inp := fixtures.state([
		fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer", "member": "user:dev@acme.com"}),
		fixtures.resource("google_service_account_iam_member", "sa", {"role": "roles/iam.serviceAccountUser", "member": "user:dev@acme.com"}),
	])
	check.deny == set() with input as inp
}

test_unknown_policy_data if {
	p := fixtures.with_unknown(fixtures.resource("google_project_iam_policy", "p", {"project": "acme"}), ["policy_data"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_project_iam_policy.p", "policy_data"]} with input as inp
}
