package tenet.gcp.storage.public_access_prevention_test

import rego.v1

import data.tenet.gcp.storage.public_access_prevention as check
import data.tenet.lib.fixtures

_bucket(name, values) := fixtures.resource("google_storage_bucket", name, object.union({"name": name}, values))

test_deny_inherited_in_state if {
	check.deny == {{
		"msg": `public_access_prevention is "inherited", not "enforced"`,
		"resource": "google_storage_bucket.data",
		"attribute": "public_access_prevention",
	}} with input as fixtures.state([_bucket("data", {"public_access_prevention": "inherited"})])
}

test_deny_absent if {
	{f.resource | some f in check.deny} == {"google_storage_bucket.data"} with input as fixtures.plan([_bucket("data", {})])
}

test_allow_enforced if {
	check.deny == set() with input as fixtures.plan([_bucket("data", {"public_access_prevention": "enforced"})])
}

test_unknown_left_to_provider if {
	b := fixtures.computed(_bucket("data", {}), ["public_access_prevention"])
	check.deny == set() with input as fixtures.plan([b])
	{f.resource | some f in check.unknown} == {"google_storage_bucket.data"} with input as fixtures.plan([b])
}
