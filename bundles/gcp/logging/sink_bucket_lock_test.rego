package tenet.gcp.logging.sink_bucket_lock_test

import rego.v1

import data.tenet.gcp.logging.sink_bucket_lock as check
import data.tenet.lib.fixtures

_sink := fixtures.resource("google_logging_project_sink", "all", {"name": "all", "destination": "storage.googleapis.com/audit-logs"})

_bucket(values) := fixtures.resource("google_storage_bucket", "logs", object.union({"name": "audit-logs"}, values))

test_deny_unlocked_destination if {
	check.deny == {{
		"msg": "the bucket receives the logs of google_logging_project_sink.all but its retention policy is not locked",
		"resource": "google_storage_bucket.logs",
		"attribute": "retention_policy.0.is_locked",
	}} with input as fixtures.state([_sink, _bucket({"retention_policy": [{"retention_period": 86400, "is_locked": false}]})])
}

test_deny_no_retention_policy_by_reference if {
	b := _bucket({})
	s := fixtures.points_at(_sink, "destination", b)
	{f.resource | some f in check.deny} == {"google_storage_bucket.logs"} with input as fixtures.plan([s, b])
}

test_allow_locked_and_other_buckets if {
	inp := fixtures.state([
		_sink,
		_bucket({"retention_policy": [{"retention_period": 31536000, "is_locked": true}]}),
		fixtures.resource("google_storage_bucket", "data", {"name": "data"}),
		fixtures.resource("google_logging_project_sink", "bq", {"destination": "bigquery.googleapis.com/projects/p/datasets/logs"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_lock_through_local if {
	b := fixtures.from_local(_bucket({"retention_policy": [{"retention_period": 86400}]}), ["retention_policy.0.is_locked"])
	inp := fixtures.plan([_sink, b])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_logging_project_sink.all"} with input as inp
}

test_unknown_destination_through_local if {
	s := fixtures.from_local(fixtures.resource("google_logging_project_sink", "all", {"name": "all"}), ["destination"])
	{f.attribute | some f in check.unknown} == {"destination"} with input as fixtures.plan([s, _bucket({})])
}
