package tenet.gcp.bigquery.table_cmek_test

import rego.v1

import data.tenet.gcp.bigquery.table_cmek as check
import data.tenet.lib.fixtures

_kms := "projects/p/locations/eu/keyRings/r/cryptoKeys/k"

_table(name, values) := fixtures.resource("google_bigquery_table", name, object.union({"dataset_id": "analytics", "table_id": name}, values))

_dataset(values) := fixtures.resource("google_bigquery_dataset", "analytics", object.union({"dataset_id": "analytics"}, values))

test_deny_table_without_key if {
	check.deny == {{
		"msg": "the table has no customer-managed key and its dataset sets no default key",
		"resource": "google_bigquery_table.events",
		"attribute": "encryption_configuration.0.kms_key_name",
	}} with input as fixtures.state([_dataset({}), _table("events", {})])
}

test_allow_own_key_dataset_default_view_and_external if {
	inp := fixtures.state([
		_dataset({"default_encryption_configuration": [{"kms_key_name": _kms}]}),
		_table("inherits", {}),
		_table("own", {"dataset_id": "other", "encryption_configuration": [{"kms_key_name": _kms}]}),
		_table("v", {"dataset_id": "other", "view": [{"query": "SELECT 1"}]}),
		_table("ext", {"dataset_id": "other", "external_data_configuration": [{"source_format": "CSV"}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_dataset_by_reference_in_plan if {
	ds := _dataset({"default_encryption_configuration": [{"kms_key_name": _kms}]})
	t := fixtures.points_at(_table("events", {}), "dataset_id", ds)
	check.deny == set() with input as fixtures.plan([ds, t])
}

test_deny_dataset_in_other_project if {
	ds := _dataset({"project": "a", "default_encryption_configuration": [{"kms_key_name": _kms}]})
	{f.resource | some f in check.deny} == {"google_bigquery_table.events"} with input as fixtures.state([ds, _table("events", {"project": "b"})])
}

test_unknown_table_key_through_local if {
	t := fixtures.from_local(_table("events", {}), ["encryption_configuration.0.kms_key_name"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"encryption_configuration.0.kms_key_name"} with input as inp
}

test_unknown_dataset_key_through_local if {
	ds := fixtures.from_local(_dataset({}), ["default_encryption_configuration.0.kms_key_name"])
	inp := fixtures.plan([ds, _table("events", {})])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_bigquery_table.events"} with input as inp
}

# Datasets of one dataset_id in several projects: a table matches the one
# in its project and one without a project; a table without a project
# matches all of them.
test_dataset_id_in_several_projects if {
	keyed := fixtures.resource("google_bigquery_dataset", "a", {"dataset_id": "analytics", "project": "a", "default_encryption_configuration": [{"kms_key_name": _kms}]})
	bare := fixtures.resource("google_bigquery_dataset", "b", {"dataset_id": "analytics", "project": "b"})
	inp := fixtures.state([keyed, bare, _table("in_a", {"project": "a"}), _table("in_b", {"project": "b"}), _table("in_c", {"project": "c"}), _table("anywhere", {})])
	{f.resource | some f in check.deny} == {"google_bigquery_table.in_b", "google_bigquery_table.in_c"} with input as inp
}

test_allow_dataset_without_project if {
	ds := _dataset({"default_encryption_configuration": [{"kms_key_name": _kms}]})
	check.deny == set() with input as fixtures.state([ds, _table("events", {"project": "a"})])
}
