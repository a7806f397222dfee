package tenet.gcp.iam.basic_roles_test

import rego.v1

import data.tenet.gcp.iam.basic_roles as check
import data.tenet.lib.fixtures

test_deny_editor_to_user if {
	check.deny == {{
		"msg": `grants the basic role "roles/editor" to "user:dev@acme.com"`,
		"resource": "google_project_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([fixtures.resource("google_project_iam_member", "m", {"project": "p", "role": "roles/editor", "member": "user:dev@acme.com"})])
}

test_deny_folder_binding_and_org_policy if {
	b := fixtures.resource("google_folder_iam_binding", "b", {"folder": "folders/1", "role": "roles/viewer", "members": ["group:all@acme.com"]})
	p := fixtures.resource("google_organization_iam_policy", "p", {"org_id": "1", "policy_data": json.marshal({"bindings": [{"role": "roles/owner", "members": ["domain:acme.com"]}]})})
	{f.resource | some f in check.deny} == {"google_folder_iam_binding.b", "google_organization_iam_policy.p"} with input as fixtures.state([b, p])
}

test_allow_predefined_roles_and_service_accounts if {
	inp := fixtures.state([
		fixtures.resource("google_project_iam_member", "a", {"role": "roles/compute.viewer", "member": "user:dev@acme.com"}),
		fixtures.resource("google_project_iam_member", "b", {"role": "roles/editor", "member": "serviceAccount:1@cloudservices.gserviceaccount.com"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_member_of_basic_role if {
	m := fixtures.with_unknown(fixtures.resource("google_project_iam_member", "m", {"role": "roles/owner"}), ["member"])
	n := fixtures.with_unknown(fixtures.resource("google_project_iam_member", "n", {"role": "roles/logging.viewer"}), ["member"])
	inp := fixtures.plan([m, n])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_project_iam_member.m"} with input as inp
}
