package tenet.gcp.iam.service_account_admin_test

import rego.v1

import data.tenet.gcp.iam.service_account_admin as check
import data.tenet.lib.fixtures

_sa := "serviceAccount:ci@acme.iam.gserviceaccount.com"

_member(name, role, member) := fixtures.resource("google_project_iam_member", name, {"project": "acme", "role": role, "member": member})

test_deny_editor_member if {
	check.deny == {{
		"msg": `grants administrative role "roles/editor" to "serviceAccount:ci@acme.iam.gserviceaccount.com"`,
		"resource": "google_project_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.state([_member("m", "roles/editor", _sa)])
}

test_deny_admin_role_in_binding_and_policy if {
	b := fixtures.resource("google_project_iam_binding", "b", {"role": "roles/compute.admin", "members": ["user:a@acme.com", _sa]})
	p := fixtures.resource("google_project_iam_policy", "p", {"policy_data": json.marshal({"bindings": [
		{"role": "roles/viewer", "members": [_sa]},
		{"role": "roles/iam.securityAdmin", "members": [_sa]},
	]})})
	{[f.resource, f.attribute] | some f in check.deny} == {
		["google_project_iam_binding.b", "members"],
		["google_project_iam_policy.p", "policy_data"],
	} with input as fixtures.state([b, p])
}

test_allow_users_and_narrow_roles if {
	inp := fixtures.state([_member("a", "roles/owner", "user:boss@acme.com"), _member("b", "roles/logging.logWriter", _sa)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_member_of_admin_role if {
	m := fixtures.with_unknown(_member("m", "roles/owner", null), ["member"])
	inp := fixtures.plan([m, fixtures.with_unknown(_member("n", "roles/viewer", null), ["member"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_project_iam_member.m"} with input as inp
}

test_unknown_role_of_service_account if {
	m := fixtures.with_unknown(_member("m", null, _sa), ["role"])
	inp := fixtures.plan([m])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_project_iam_member.m"} with input as inp
}
