package tenet.gcp.gke.release_channel_test

import rego.v1

import data.tenet.gcp.gke.release_channel as check
import data.tenet.lib.fixtures

test_deny_unspecified if {
	check.deny == {{
		"msg": "the cluster is not enrolled in a release channel (UNSPECIFIED)",
		"resource": "google_container_cluster.c",
		"attribute": "release_channel.0.channel",
	}} with input as fixtures.state([fixtures.resource("google_container_cluster", "c", {"release_channel": [{"channel": "UNSPECIFIED"}]})])
}

test_allow_channel_and_left_out if {
	inp := fixtures.plan([
		fixtures.resource("google_container_cluster", "a", {"release_channel": [{"channel": "STABLE"}]}),
		fixtures.computed(fixtures.resource("google_container_cluster", "b", {}), ["release_channel"]),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	c := fixtures.from_local(fixtures.resource("google_container_cluster", "c", {"release_channel": [{}]}), ["release_channel.0.channel"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"release_channel.0.channel"} with input as fixtures.plan([c])
}
