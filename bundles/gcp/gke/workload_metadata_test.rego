package tenet.gcp.gke.workload_metadata_test

import rego.v1

import data.tenet.gcp.gke.workload_metadata as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("google_container_cluster", "c", object.union({"name": "c", "remove_default_node_pool": true}, values))

_pool(config) := fixtures.resource("google_container_node_pool", "pool", {"cluster": "c", "node_config": [config]})

# conftest-gke-show.json: no workload identity, workload_metadata_config = [].
test_deny_default_mode if {
	inp := fixtures.plan([_cluster({}), _pool({"metadata": {"disable-legacy-endpoints": "true"}, "workload_metadata_config": []})])
	check.deny == {{
		"msg": "workload metadata mode is GCE_METADATA (the default), not GKE_METADATA: pods can read the node's metadata",
		"resource": "google_container_node_pool.pool",
		"attribute": "node_config.0.workload_metadata_config.0.mode",
	}} with input as inp
}

test_deny_legacy_endpoints_on if {
	p := _pool({"metadata": {"disable-legacy-endpoints": "false"}, "workload_metadata_config": [{"mode": "GKE_METADATA"}]})
	{f.attribute | some f in check.deny} == {"node_config.0.metadata.disable-legacy-endpoints"} with input as fixtures.state([_cluster({}), p])
}

test_deny_explicit_gce_metadata_despite_workload_identity if {
	c := _cluster({"workload_identity_config": [{"workload_pool": "acme.svc.id.goog"}]})
	p := _pool({"workload_metadata_config": [{"mode": "GCE_METADATA"}]})
	{f.msg | some f in check.deny} == {"workload metadata mode is GCE_METADATA, not GKE_METADATA: pods can read the node's metadata"} with input as fixtures.state([c, p])
}

test_allow_explicit_mode_or_cluster_workload_identity if {
	c := _cluster({"workload_identity_config": [{"workload_pool": "acme.svc.id.goog"}]})
	inp := fixtures.state([
		c,
		_pool({"workload_metadata_config": []}),
		fixtures.resource("google_container_node_pool", "v3", {"cluster": "c", "node_config": [{"workload_metadata_config": [{"node_metadata": "GKE_METADATA_SERVER"}]}]}),
	])
	check.deny == set() with input as inp
}

test_unknown_workload_pool if {
	c := fixtures.with_unknown(_cluster({"workload_identity_config": [{}]}), ["workload_identity_config.0.workload_pool"])
	p := fixtures.points_at(_pool({"workload_metadata_config": []}), "cluster", c)
	inp := fixtures.plan([c, p])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_container_node_pool.pool"} with input as inp
}
