package tenet.gcp.iam.kms_duties_test

import rego.v1

import data.tenet.gcp.iam.kms_duties as check
import data.tenet.lib.fixtures

_who := "user:ops@acme.com"

_member(name, project, role, member) := fixtures.resource("google_project_iam_member", name, {"project": project, "role": role, "member": member})

test_deny_both_roles_same_member if {
	inp := fixtures.state([_member("a", "acme", "roles/cloudkms.admin", _who), _member("u", "acme", "roles/cloudkms.cryptoKeyEncrypterDecrypter", _who)])
	{[f.resource, f.attribute] | some f in check.deny} == {["google_project_iam_member.a", "member"], ["google_project_iam_member.u", "member"]} with input as inp
	{f.msg | some f in check.deny} == {
		"grants role \"roles/cloudkms.admin\" to \"user:ops@acme.com\", and user:ops@acme.com also holds a crypto key encrypter or decrypter role through google_project_iam_member.u",
		"grants role \"roles/cloudkms.cryptoKeyEncrypterDecrypter\" to \"user:ops@acme.com\", and user:ops@acme.com also holds Cloud KMS Admin through google_project_iam_member.a",
	} with input as inp
}

test_deny_binding_and_policy if {
	b := fixtures.resource("google_project_iam_binding", "b", {"project": "acme", "role": "roles/cloudkms.admin", "members": ["group:x@acme.com", _who]})
	p := fixtures.resource("google_project_iam_policy", "p", {"project": "acme", "policy_data": json.marshal({"bindings": [{"role": "roles/cloudkms.cryptoKeyDecrypter", "members": [_who]}]})})
	{f.resource | some f in check.deny} == {"google_project_iam_binding.b", "google_project_iam_policy.p"} with input as fixtures.state([b, p])
}

test_allow_split_members_and_projects if {
	inp := fixtures.state([
		_member("a", "acme", "roles/cloudkms.admin", _who),
		_member("u", "other", "roles/cloudkms.cryptoKeyEncrypterDecrypter", _who),
		_member("v", "acme", "roles/cloudkms.cryptoKeyEncrypterDecrypter", "group:apps@acme.com"),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_member if {
	u := fixtures.with_unknown(_member("u", "acme", "roles/cloudkms.cryptoKeyEncrypterDecrypter", null), ["member"])
	inp := fixtures.plan([_member("a", "acme", "roles/cloudkms.admin", _who), u])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u"} with input as inp
}

# A grant without a project, or with one unknown until apply, is in the
# provider's default project, which may be any.
test_deny_default_project_pairs_with_every_project if {
	unset := fixtures.resource("google_project_iam_member", "a", {"role": "roles/cloudkms.admin", "member": _who})
	inp := fixtures.state([unset, _member("u", "acme", "roles/cloudkms.cryptoKeyDecrypter", _who), _member("v", "other", "roles/cloudkms.cryptoKeyDecrypter", _who)])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.v"} with input as inp
	unknown := fixtures.with_unknown(_member("a", null, "roles/cloudkms.admin", _who), ["project"])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.v"} with input as fixtures.plan([unknown, _member("u", "acme", "roles/cloudkms.cryptoKeyDecrypter", _who), _member("v", "other", "roles/cloudkms.cryptoKeyDecrypter", _who)])
}

test_deny_only_in_the_same_or_default_project if {
	inp := fixtures.state([
		_member("a", "acme", "roles/cloudkms.admin", _who),
		_member("u", "acme", "roles/cloudkms.cryptoKeyDecrypter", _who),
		_member("v", "other", "roles/cloudkms.cryptoKeyDecrypter", _who),
		fixtures.resource("google_project_iam_member", "w", {"role": "roles/cloudkms.cryptoKeyDecrypter", "member": _who}),
		_member("b", "other", "roles/cloudkms.admin", "group:ops@acme.com"),
		_member("x", "acme", "roles/cloudkms.cryptoKeyDecrypter", "group:ops@acme.com"),
	])
	{f.resource | some f in check.deny} == {"google_project_iam_member.a", "google_project_iam_member.u", "google_project_iam_member.w"} with input as inp
}

test_unknown_member_by_project if {
	u := fixtures.with_unknown(_member("u", "acme", "roles/cloudkms.cryptoKeyDecrypter", null), ["member"])
	d := fixtures.with_unknown(fixtures.resource("google_project_iam_member", "d", {"role": "roles/cloudkms.cryptoKeyDecrypter", "member": null}), ["member"])
	unset := fixtures.resource("google_project_iam_member", "a", {"role": "roles/cloudkms.admin", "member": _who})
	check.unknown == set() with input as fixtures.plan([u, _member("a", "other", "roles/cloudkms.admin", _who)])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u"} with input as fixtures.plan([u, unset])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.u", "google_project_iam_member.d"} with input as fixtures.plan([u, d, _member("a", "acme", "roles/cloudkms.admin", _who)])
	{f.resource | some f in check.unknown} == {"google_project_iam_member.d"} with input as fixtures.plan([u, d, _member("a", "other", "roles/cloudkms.admin", _who)])
}
