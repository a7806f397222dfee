package tenet.gcp.compute.ip_forwarding_test

import rego.v1

import data.tenet.gcp.compute.ip_forwarding as check
import data.tenet.lib.fixtures

test_deny_instance_forwarding if {
	vm := fixtures.resource("google_compute_instance", "nat", {"can_ip_forward": true})
	check.deny == {{"msg": "can_ip_forward is true", "resource": "google_compute_instance.nat", "attribute": "can_ip_forward"}} with input as fixtures.state([vm])
}

test_deny_template_forwarding if {
	t := fixtures.resource("google_compute_instance_template", "t", {"can_ip_forward": true})
	{f.resource | some f in check.deny} == {"google_compute_instance_template.t"} with input as fixtures.plan([t])
}

test_allow_default_and_false if {
	inp := fixtures.plan([
		fixtures.resource("google_compute_instance", "a", {"can_ip_forward": false}),
		fixtures.resource("google_compute_instance_template", "b", {}),
	])
	check.deny == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("google_compute_instance", "a", {}), ["can_ip_forward"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_instance.a"} with input as inp
}
