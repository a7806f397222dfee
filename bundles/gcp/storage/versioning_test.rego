package tenet.gcp.storage.versioning_test

import rego.v1

import data.tenet.gcp.storage.versioning as check
import data.tenet.lib.fixtures

_bucket(name, values) := fixtures.resource("google_storage_bucket", name, object.union({"name": name}, values))

test_deny_without_versioning if {
	check.deny == {{
		"msg": "object versioning is not enabled",
		"resource": "google_storage_bucket.data",
		"attribute": "versioning.0.enabled",
	}} with input as fixtures.state([_bucket("data", {"versioning": [{"enabled": false}]})])
}

test_deny_block_left_out if {
	b := fixtures.computed(_bucket("data", {}), ["versioning"])
	{f.resource | some f in check.deny} == {"google_storage_bucket.data"} with input as fixtures.plan([b])
	check.unknown == set() with input as fixtures.plan([b])
}

test_allow_versioned if {
	check.deny == set() with input as fixtures.plan([_bucket("data", {"versioning": [{"enabled": true}]})])
}

test_unknown_enabled_through_local if {
	b := fixtures.from_local(_bucket("data", {"versioning": [{}]}), ["versioning.0.enabled"])
	check.deny == set() with input as fixtures.plan([b])
	{f.attribute | some f in check.unknown} == {"versioning.0.enabled"} with input as fixtures.plan([b])
}
