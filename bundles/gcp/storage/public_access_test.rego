package tenet.gcp.storage.public_access_test

import rego.v1

import data.tenet.gcp.storage.public_access as check
import data.tenet.lib.fixtures

_bucket(pap) := fixtures.resource("google_storage_bucket", "data", {"name": "acme-data", "public_access_prevention": pap})

_member(member) := fixtures.resource("google_storage_bucket_iam_member", "m", {"bucket": "acme-data", "role": "roles/storage.objectViewer", "member": member})

test_deny_member_all_users if {
	check.deny == {{
		"msg": `grants role "roles/storage.objectViewer" to "allUsers" on the bucket`,
		"resource": "google_storage_bucket_iam_member.m",
		"attribute": "member",
	}} with input as fixtures.plan([_bucket("inherited"), _member("allUsers")])
}

test_deny_binding_all_authenticated_users if {
	b := fixtures.resource("google_storage_bucket_iam_binding", "b", {"bucket": "acme-data", "role": "roles/storage.admin", "members": ["user:a@example.com", "allAuthenticatedUsers"]})
	{[f.resource, f.attribute] | some f in check.deny} == {["google_storage_bucket_iam_binding.b", "members"]} with input as fixtures.plan([b])
}

test_deny_policy_data if {
	p := fixtures.resource("google_storage_bucket_iam_policy", "p", {"bucket": "acme-data", "policy_data": json.marshal({"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]})})
	{[f.resource, f.attribute] | some f in check.deny} == {["google_storage_bucket_iam_policy.p", "policy_data"]} with input as fixtures.state([p])
}

test_allow_private_members if {
	check.deny == set() with input as fixtures.plan([_member("group:data@example.com")])
}

test_allow_when_public_access_prevention_enforced if {
	check.deny == set() with input as fixtures.state([_bucket("enforced"), _member("allUsers")])
}

test_allow_state_bucket_recorded_as_b_prefix if {
	m := fixtures.patch(_member("allUsers"), {"values": {"bucket": "b/acme-data"}})
	check.deny == set() with input as fixtures.state([_bucket("enforced"), m])
	{f.resource | some f in check.deny} == {"google_storage_bucket_iam_member.m"} with input as fixtures.state([_bucket("inherited"), m])
}

test_unknown_member if {
	m := fixtures.with_unknown(fixtures.patch(_member(null), {}), ["member"])
	inp := fixtures.plan([m])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_storage_bucket_iam_member.m", "member"]} with input as inp
}
