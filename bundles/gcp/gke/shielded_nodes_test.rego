package tenet.gcp.gke.shielded_nodes_test

import rego.v1

import data.tenet.gcp.gke.shielded_nodes as check
import data.tenet.lib.fixtures

_pool(config) := fixtures.resource("google_container_node_pool", "pool", {"cluster": "c", "node_config": [config]})

_shielded := {"shielded_instance_config": [{"enable_secure_boot": true, "enable_integrity_monitoring": true}]}

# conftest-gke-show.json: a node pool without shielded_instance_config.
test_deny_pool_without_secure_boot if {
	check.deny == {{
		"msg": "node_config.0.shielded_instance_config.0.enable_secure_boot is not true",
		"resource": "google_container_node_pool.pool",
		"attribute": "node_config.0.shielded_instance_config.0.enable_secure_boot",
	}} with input as fixtures.plan([_pool({"machine_type": "e2-medium"})])
}

test_deny_cluster_default_pool_and_inline_pool if {
	c := fixtures.resource("google_container_cluster", "c", {
		"enable_shielded_nodes": false,
		"node_config": [{"shielded_instance_config": [{"enable_secure_boot": true, "enable_integrity_monitoring": false}]}],
		"node_pool": [{"name": "extra", "node_config": [_shielded]}],
	})
	{f.attribute | some f in check.deny} == {"enable_shielded_nodes", "node_config.0.shielded_instance_config.0.enable_integrity_monitoring"} with input as fixtures.state([c])
}

test_allow_shielded_pool_and_cluster_without_default_pool if {
	c := fixtures.with_unknown(fixtures.resource("google_container_cluster", "c", {"remove_default_node_pool": true}), ["node_config"])
	inp := fixtures.plan([c, _pool(_shielded)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_autopilot if {
	check.deny == set() with input as fixtures.plan([fixtures.resource("google_container_cluster", "ap", {"enable_autopilot": true})])
}

test_unknown_secure_boot if {
	p := fixtures.with_unknown(_pool({"shielded_instance_config": [{"enable_integrity_monitoring": true}]}), ["node_config.0.shielded_instance_config.0.enable_secure_boot"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"node_config.0.shielded_instance_config.0.enable_secure_boot"} with input as inp
}
