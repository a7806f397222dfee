package tenet.gcp.storage.uniform_access_test

import rego.v1

import data.tenet.gcp.storage.uniform_access as check
import data.tenet.lib.fixtures

_bucket(values) := fixtures.resource("google_storage_bucket", "data", object.union({"name": "acme-data"}, values))

test_deny_when_false if {
	check.deny == {{
		"msg": "uniform_bucket_level_access is not true: object ACLs stay active",
		"resource": "google_storage_bucket.data",
		"attribute": "uniform_bucket_level_access",
	}} with input as fixtures.state([_bucket({"uniform_bucket_level_access": false})])
}

test_deny_when_missing_in_state if {
	{f.resource | some f in check.deny} == {"google_storage_bucket.data"} with input as fixtures.state([_bucket({})])
}

test_allow_when_true if {
	check.deny == set() with input as fixtures.plan([_bucket({"uniform_bucket_level_access": true})])
}

test_unknown_when_computed if {
	inp := fixtures.plan([fixtures.with_unknown(_bucket({}), ["uniform_bucket_level_access"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_storage_bucket.data"} with input as inp
}
