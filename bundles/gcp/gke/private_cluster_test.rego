package tenet.gcp.gke.private_cluster_test

import rego.v1

import data.tenet.gcp.gke.private_cluster as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("google_container_cluster", "c", object.union({"name": "c", "location": "europe-west1"}, values))

_private := [{"enable_private_nodes": true, "enable_private_endpoint": false, "master_ipv4_cidr_block": "172.16.0.0/28"}]

# conftest-gke-show.json: neither block is declared.
test_deny_public_cluster if {
	check.deny == {
		{
			"msg": "enable_private_nodes is not true: nodes get public IP addresses",
			"resource": "google_container_cluster.c",
			"attribute": "private_cluster_config.0.enable_private_nodes",
		},
		{
			"msg": "the control plane has a public endpoint and no master_authorized_networks_config",
			"resource": "google_container_cluster.c",
			"attribute": "master_authorized_networks_config",
		},
	} with input as fixtures.plan([_cluster({"private_cluster_config": [], "master_authorized_networks_config": []})])
}

test_deny_authorized_networks_open_to_all if {
	c := _cluster({"private_cluster_config": _private, "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0", "display_name": "all"}]}]})
	{f.msg | some f in check.deny} == {"master_authorized_networks_config admits 0.0.0.0/0 to the public endpoint"} with input as fixtures.state([c])
}

test_allow_private_nodes_with_authorized_networks if {
	c := _cluster({"private_cluster_config": _private, "master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}]})
	check.deny == set() with input as fixtures.state([c])
}

test_allow_private_endpoint if {
	c := _cluster({"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}], "master_authorized_networks_config": []})
	check.deny == set() with input as fixtures.plan([c])
}

test_unknown_private_nodes if {
	c := fixtures.with_unknown(_cluster({"private_cluster_config": [{"enable_private_endpoint": true}], "master_authorized_networks_config": []}), ["private_cluster_config.0.enable_private_nodes"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"private_cluster_config.0.enable_private_nodes"} with input as inp
}
