package tenet.gcp.gke.binary_authorization_test

import rego.v1

import data.tenet.gcp.gke.binary_authorization as check
import data.tenet.lib.fixtures

test_deny_disabled if {
	check.deny == {{
		"msg": "Binary Authorization is not enforced",
		"resource": "google_container_cluster.c",
		"attribute": "binary_authorization.0.evaluation_mode",
	}} with input as fixtures.state([fixtures.resource("google_container_cluster", "c", {"binary_authorization": [{"evaluation_mode": "DISABLED"}]})])
}

test_deny_left_out if {
	c := fixtures.computed(fixtures.resource("google_container_cluster", "c", {}), ["binary_authorization", "enable_binauthz"])
	{f.resource | some f in check.deny} == {"google_container_cluster.c"} with input as fixtures.plan([c])
	check.unknown == set() with input as fixtures.plan([c])
}

test_allow_enforced_and_deprecated_switches if {
	inp := fixtures.state([
		fixtures.resource("google_container_cluster", "a", {"binary_authorization": [{"evaluation_mode": "PROJECT_SINGLETON_POLICY_ENFORCE"}]}),
		fixtures.resource("google_container_cluster", "b", {"binary_authorization": [{"enabled": true}]}),
		fixtures.resource("google_container_cluster", "c", {"enable_binauthz": true}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	c := fixtures.from_local(fixtures.resource("google_container_cluster", "c", {"binary_authorization": [{}]}), ["binary_authorization.0.evaluation_mode"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"binary_authorization.0.evaluation_mode"} with input as fixtures.plan([c])
}
