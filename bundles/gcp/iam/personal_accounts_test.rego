package tenet.gcp.iam.personal_accounts_test

import rego.v1

import data.tenet.gcp.iam.personal_accounts as check
import data.tenet.lib.fixtures

test_deny_gmail_member if {
	check.deny == {{
		"msg": `grants role "roles/viewer" to "user:someone@gmail.com", a personal account`,
		"resource": "google_project_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer", "member": "user:someone@gmail.com"})])
}

test_deny_binding_and_policy if {
	b := fixtures.resource("google_organization_iam_binding", "b", {"role": "roles/browser", "members": ["user:X@GoogleMail.com"]})
	p := fixtures.resource("google_folder_iam_policy", "p", {"policy_data": json.marshal({"bindings": [{"role": "roles/viewer", "members": ["user:a@gmail.com"]}]})})
	{f.resource | some f in check.deny} == {"google_organization_iam_binding.b", "google_folder_iam_policy.p"} with input as fixtures.plan([b, p])
}

test_allow_corporate_accounts if {
	inp := fixtures.state([
		fixtures.resource("google_project_iam_member", "a", {"role": "roles/viewer", "member": "user:dev@acme.com"}),
		fixtures.resource("google_project_iam_member", "b", {"role": "roles/viewer", "member": "group:gmail.com-fans@acme.com"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_member if {
	m := fixtures.with_unknown(fixtures.resource("google_project_iam_member", "m", {"role": "roles/viewer"}), ["member"])
	check.deny == set() with input as fixtures.plan([m])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.m"} with input as fixtures.plan([m])
}
