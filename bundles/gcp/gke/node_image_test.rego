package tenet.gcp.gke.node_image_test

import rego.v1

import data.tenet.gcp.gke.node_image as check
import data.tenet.lib.fixtures

_pool(name, config) := fixtures.resource("google_container_node_pool", name, {"cluster": "c", "node_config": [config]})

test_deny_ubuntu_pool if {
	check.deny == {{
		"msg": `node image "UBUNTU_CONTAINERD" is not Container-Optimized OS`,
		"resource": "google_container_node_pool.p",
		"attribute": "node_config.0.image_type",
	}} with input as fixtures.state([_pool("p", {"image_type": "UBUNTU_CONTAINERD"})])
}

test_deny_cluster_inline_pool if {
	c := fixtures.resource("google_container_cluster", "c", {"remove_default_node_pool": true, "node_pool": [{"node_config": [{"image_type": "ubuntu"}]}]})
	{f.attribute | some f in check.deny} == {"node_pool.0.node_config.0.image_type"} with input as fixtures.plan([c])
}

test_allow_cos_default_and_windows if {
	inp := fixtures.plan([
		_pool("a", {"image_type": "COS_CONTAINERD"}),
		_pool("b", {"machine_type": "e2-medium"}),
		_pool("w", {"image_type": "WINDOWS_LTSC_CONTAINERD"}),
		fixtures.with_unknown(fixtures.with_configured(_pool("d", {"machine_type": "e2-medium"}), ["node_config.0.machine_type"]), ["node_config.0.image_type"]),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	p := fixtures.from_local(_pool("p", {}), ["node_config.0.image_type"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"node_config.0.image_type"} with input as fixtures.plan([p])
}
