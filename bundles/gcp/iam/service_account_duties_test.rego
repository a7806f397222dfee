package tenet.gcp.iam.service_account_duties_test

import rego.v1

import data.tenet.gcp.iam.service_account_duties as check
import data.tenet.lib.fixtures

_who := "serviceAccount:deployer@acme.iam.gserviceaccount.com"

_member(name, project, role, member) := fixtures.resource("google_project_iam_member", name, {"project": project, "role": role, "member": member})

test_deny_both_roles_same_member if {
	inp := fixtures.state([_member("a", "acme", "roles/iam.serviceAccountAdmin", _who), _member("u", "acme", "roles/iam.serviceAccountUser", _who)])
	{[f.resource, f.attribute] | some f in check.deny} == {["google_project_iam_member.a", "member"], ["google_project_iam_member.u", "member"]} with input as inp
	{f.msg | some f in check.deny} == {
		"grants role \"roles/iam.serviceAccountAdmin\" to \"serviceAccount:deployer@acme.iam.gserviceaccount.com\", and serviceAccount:deployer@acme.iam.gserviceaccount.com also holds Service Account User through google_project_iam_member.u",
		"grants role \"roles/iam.serviceAccountUser\" to \"serviceAccount:deployer@acme.iam.gserviceaccount.com\", and serviceAccount:deployer@acme.iam.gserviceaccount.com also holds Service Account Admin through google_project_iam_member.a",
	} with input as inp
}

test_deny_binding_and_policy if {
	b := fixtures.resource("google_project_iam_binding", "b", {"project": "acme", "role": "roles/iam.serviceAccountAdmin", "members": ["group:x@acme.com", _who]})
	p := fixtures.resource("google_project_iam_policy", "p", {"project": "acme", "policy_data": json.marshal({"bindings": [{"role": "roles/iam.serviceAccountUser", "members": [_who]}]})})
	{f.resource | some f in check.deny} == {"google_project_iam_binding.b", "google_project_iam_policy.p"} with input as fixtures.state([b, p])
}

test_allow_split_members_and_projects if {
	inp := fixtures.state([
		_member("a", "acme", "roles/iam.serviceAccountAdmin", _who),
		_member("u", "other", "roles/iam.serviceAccountUser", _who),
		_member("v", "acme", "roles/iam.serviceAccountUser", "group:apps@acme.com"),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_member if {
	u := fixtures.with_unknown(_member("u", "acme", "roles/iam.serviceAccountUser", null), ["member"])
	inp := fixtures.plan([_member("a", "acme", "roles/iam.serviceAccountAdmin", _who), u])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u"} with input as inp
}

# A grant without a project, or with one unknown until apply, is in the
# provider's default project, which may be any.
test_deny_default_project_pairs_with_every_project if {
	unset := fixtures.resource("google_project_iam_member", "a", {"role": "roles/iam.serviceAccountAdmin", "member": _who})
	inp := fixtures.state([unset, _member("u", "acme", "roles/iam.serviceAccountUser", _who), _member("v", "other", "roles/iam.serviceAccountUser", _who)])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.v"} with input as inp
	unknown := fixtures.with_unknown(_member("a", null, "roles/iam.serviceAccountAdmin", _who), ["project"])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.v"} with input as fixtures.plan([unknown, _member("u", "acme", "roles/iam.serviceAccountUser", _who), _member("v", "other", "roles/iam.serviceAccountUser", _who)])
}

test_deny_only_in_the_same_or_default_project if {
	inp := fixtures.state([
		_member("a", "acme", "roles/iam.serviceAccountAdmin", _who),
		_member("u", "acme", "roles/iam.serviceAccountUser", _who),
		_member("v", "other", "roles/iam.serviceAccountUser", _who),
		fixtures.resource("google_project_iam_member", "w", {"role": "roles/iam.serviceAccountUser", "member": _who}),
		_member("b", "other", "roles/iam.serviceAccountAdmin", "group:ops@acme.com"),
		_member("x", "acme", "roles/iam.serviceAccountUser", "group:ops@acme.com"),
	])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.w"} with input as inp
}

test_unknown_member_by_project if {
	u := fixtures.with_unknown(_member("u", "acme", "roles/iam.serviceAccountUser", null), ["member"])
	d := fixtures.with_unknown(fixtures.resource("google_project_iam_member", "d", {"role": "roles/iam.serviceAccountUser", "member": null}), ["member"])
	unset := fixtures.resource("google_project_iam_member", "a", {"role": "roles/iam.serviceAccountAdmin", "member": _who})
	check.unknown == set() with input as fixtures.plan([u, _member("a", "other", "roles/iam.serviceAccountAdmin", _who)])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u"} with input as fixtures.plan([u, unset])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u", "google_project_iam_member.d"} with input as fixtures.plan([u, d, _member("a", "acme", "roles/iam.serviceAccountAdmin", _who)])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.d"} with input as fixtures.plan([u, d, _member("a", "other", "roles/iam.serviceAccountAdmin", _who)])
}
