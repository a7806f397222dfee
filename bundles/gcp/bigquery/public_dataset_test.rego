package tenet.gcp.bigquery.public_dataset_test

import rego.v1

import data.tenet.gcp.bigquery.public_dataset as check
import data.tenet.lib.fixtures

_dataset(access) := fixtures.resource("google_bigquery_dataset", "d", {"dataset_id": "sales", "access": access})

test_deny_special_group_all_authenticated_users if {
	d := _dataset([
		{"role": "OWNER", "special_group": "projectOwners"},
		{"role": "READER", "special_group": "allAuthenticatedUsers"},
	])
	check.deny == {{
		"msg": "access entry grants READER to allAuthenticatedUsers",
		"resource": "google_bigquery_dataset.d",
		"attribute": "access.1.special_group",
	}} with input as fixtures.state([d])
}

test_deny_access_resource_and_iam_member if {
	a := fixtures.resource("google_bigquery_dataset_access", "a", {"dataset_id": "sales", "role": "READER", "iam_member": "allUsers"})
	m := fixtures.resource("google_bigquery_dataset_iam_member", "m", {"dataset_id": "sales", "role": "roles/bigquery.dataViewer", "member": "allUsers"})
	{[f.resource, f.attribute] | some f in check.deny} == {
		["google_bigquery_dataset_access.a", "iam_member"],
		["google_bigquery_dataset_iam_member.m", "member"],
	} with input as fixtures.plan([a, m])
}

test_deny_iam_binding if {
	b := fixtures.resource("google_bigquery_dataset_iam_binding", "b", {"role": "roles/bigquery.dataViewer", "members": ["allAuthenticatedUsers"]})
	{f.resource | some f in check.deny} == {"google_bigquery_dataset_iam_binding.b"} with input as fixtures.state([b])
}

test_allow_named_principals_and_computed_access if {
	inp := fixtures.plan([
		_dataset([{"role": "READER", "group_by_email": "analysts@acme.com"}]),
		fixtures.computed(fixtures.resource("google_bigquery_dataset", "e", {"dataset_id": "e"}), ["access"]),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_iam_member_of_access_entry if {
	d := fixtures.with_unknown(_dataset([{"role": "READER"}]), ["access.0.iam_member"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_bigquery_dataset.d", "access.0.iam_member"]} with input as inp
}

test_unknown_iam_binding_members if {
	b := fixtures.with_unknown(fixtures.resource("google_bigquery_dataset_iam_binding", "b", {"role": "roles/bigquery.dataViewer"}), ["members"])
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_bigquery_dataset_iam_binding.b", "members"]} with input as inp
}

test_unknown_access_through_local if {
	d := fixtures.from_local(fixtures.resource("google_bigquery_dataset", "e", {"dataset_id": "e"}), ["access"])
	check.deny == set() with input as fixtures.plan([d])
	{f.attribute | some f in check.unknown} == {"access"} with input as fixtures.plan([d])
}
