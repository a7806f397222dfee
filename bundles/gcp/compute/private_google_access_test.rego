package tenet.gcp.compute.private_google_access_test

import rego.v1

import data.tenet.gcp.compute.private_google_access as check
import data.tenet.lib.fixtures

_subnet(name, values) := fixtures.resource("google_compute_subnetwork", name, object.union({"name": name, "ip_cidr_range": "10.0.0.0/24"}, values))

test_deny_off if {
	check.deny == {{
		"msg": "Private Google Access is off: VMs without external addresses cannot reach Google APIs",
		"resource": "google_compute_subnetwork.a",
		"attribute": "private_ip_google_access",
	}} with input as fixtures.state([_subnet("a", {"private_ip_google_access": false, "purpose": "PRIVATE"})])
}

test_deny_left_out_in_plan if {
	s := fixtures.computed(_subnet("a", {}), ["private_ip_google_access", "purpose"])
	{f.resource | some f in check.deny} == {"google_compute_subnetwork.a"} with input as fixtures.plan([s])
	check.unknown == set() with input as fixtures.plan([s])
}

test_allow_on_and_proxy_only if {
	inp := fixtures.state([
		_subnet("a", {"private_ip_google_access": true}),
		_subnet("proxy", {"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	a := fixtures.from_local(_subnet("a", {}), ["private_ip_google_access"])
	b := fixtures.from_local(_subnet("b", {}), ["purpose"])
	inp := fixtures.plan([a, b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_subnetwork.a", "private_ip_google_access"], ["google_compute_subnetwork.b", "purpose"]} with input as inp
}
