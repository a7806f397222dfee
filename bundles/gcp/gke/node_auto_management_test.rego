package tenet.gcp.gke.node_auto_management_test

import rego.v1

import data.tenet.gcp.gke.node_auto_management as check
import data.tenet.lib.fixtures

test_deny_auto_upgrade_off if {
	check.deny == {{
		"msg": "auto_upgrade is false",
		"resource": "google_container_node_pool.p",
		"attribute": "management.0.auto_upgrade",
	}} with input as fixtures.state([fixtures.resource("google_container_node_pool", "p", {"management": [{"auto_repair": true, "auto_upgrade": false}]})])
}

test_deny_inline_pool_auto_repair_off if {
	c := fixtures.resource("google_container_cluster", "c", {"node_pool": [{"name": "a"}, {"name": "b", "management": [{"auto_repair": false}]}]})
	{f.attribute | some f in check.deny} == {"node_pool.1.management.0.auto_repair"} with input as fixtures.plan([c])
}

test_allow_defaults if {
	p := fixtures.computed(fixtures.resource("google_container_node_pool", "p", {"cluster": "c"}), ["management"])
	inp := fixtures.plan([p, fixtures.resource("google_container_node_pool", "q", {"management": [{"auto_repair": true, "auto_upgrade": true}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	p := fixtures.from_local(fixtures.resource("google_container_node_pool", "p", {"management": [{"auto_repair": true}]}), ["management.0.auto_upgrade"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"management.0.auto_upgrade"} with input as fixtures.plan([p])
}

test_unknown_inline_pools_through_local if {
	c := fixtures.from_local(fixtures.resource("google_container_cluster", "c", {}), ["node_pool"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"node_pool"} with input as fixtures.plan([c])
}
