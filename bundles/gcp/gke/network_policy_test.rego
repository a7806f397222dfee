package tenet.gcp.gke.network_policy_test

import rego.v1

import data.tenet.gcp.gke.network_policy as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("google_container_cluster", "c", object.union({"name": "c"}, values))

# conftest-gke-show.json: network_policy is computed (wholly unknown), not declared.
test_deny_undeclared if {
	c := fixtures.computed(_cluster({}), ["network_policy", "datapath_provider"])
	inp := fixtures.plan([c])
	check.deny == {{
		"msg": "neither network_policy.enabled nor Dataplane V2 (datapath_provider ADVANCED_DATAPATH) is set: network policies are not enforced",
		"resource": "google_container_cluster.c",
		"attribute": "network_policy.0.enabled",
	}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_disabled if {
	{f.resource | some f in check.deny} == {"google_container_cluster.c"} with input as fixtures.state([_cluster({"network_policy": [{"enabled": false, "provider": "PROVIDER_UNSPECIFIED"}], "datapath_provider": "LEGACY_DATAPATH"})])
}

test_allow_calico_dataplane_v2_and_autopilot if {
	inp := fixtures.state([
		_cluster({"network_policy": [{"enabled": true, "provider": "CALICO"}]}),
		fixtures.resource("google_container_cluster", "v2", {"datapath_provider": "ADVANCED_DATAPATH"}),
		fixtures.resource("google_container_cluster", "ap", {"enable_autopilot": true}),
	])
	check.deny == set() with input as inp
}

test_unknown_datapath_from_reference if {
	c := fixtures.with_refs(fixtures.with_unknown(_cluster({"network_policy": []}), ["datapath_provider"]), {"datapath_provider": ["terraform_data.dp"]})
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"datapath_provider"} with input as inp
}

test_unknown_network_policy_enabled if {
	c := fixtures.with_unknown(_cluster({"network_policy": [{"provider": "CALICO"}], "datapath_provider": "LEGACY_DATAPATH"}), ["network_policy.0.enabled"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_policy.0.enabled"} with input as inp
}
