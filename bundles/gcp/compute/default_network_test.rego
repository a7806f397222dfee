package tenet.gcp.compute.default_network_test

import rego.v1

import data.tenet.gcp.compute.default_network as check
import data.tenet.lib.fixtures

_project(values) := fixtures.resource("google_project", "p", object.union({"name": "acme", "project_id": "acme-1"}, values))

test_deny_project_default_auto_create if {
	check.deny == {{
		"msg": "auto_create_network is not false: the project gets the default network",
		"resource": "google_project.p",
		"attribute": "auto_create_network",
	}} with input as fixtures.plan([_project({})])
}

test_deny_network_named_default if {
	n := fixtures.resource("google_compute_network", "default", {"name": "default", "auto_create_subnetworks": true})
	check.deny == {{"msg": "the network is named default", "resource": "google_compute_network.default", "attribute": "name"}} with input as fixtures.state([n])
}

test_allow_custom_network if {
	n := fixtures.resource("google_compute_network", "vpc", {"name": "prod-vpc", "auto_create_subnetworks": false})
	check.deny == set() with input as fixtures.plan([_project({"auto_create_network": false}), n])
}

test_unknown_network_name if {
	n := fixtures.with_unknown(fixtures.resource("google_compute_network", "vpc", {}), ["name"])
	inp := fixtures.plan([n])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_network.vpc"} with input as inp
}

test_unknown_auto_create_network if {
	inp := fixtures.plan([fixtures.with_unknown(_project({}), ["auto_create_network"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"auto_create_network"} with input as inp
}
