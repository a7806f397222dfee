package tenet.gcp.compute.rdp_from_internet_test

import rego.v1

import data.tenet.gcp.compute.rdp_from_internet as check
import data.tenet.lib.fixtures

_fw(values) := fixtures.resource("google_compute_firewall", "fw", object.union({"name": "fw", "direction": "INGRESS"}, values))

test_deny_port_3389_from_anywhere if {
	fw := _fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]})
	check.deny == {{
		"msg": "ingress rule allows TCP port 3389 (RDP) from the internet",
		"resource": "google_compute_firewall.fw",
		"attribute": "source_ranges",
	}} with input as fixtures.state([fw])
}

test_deny_protocol_number_and_range if {
	fw := _fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "6", "ports": ["3000-4000"]}]})
	{f.resource | some f in check.deny} == {"google_compute_firewall.fw"} with input as fixtures.state([fw])
}

test_allow_ssh_only if {
	fw := _fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	check.deny == set() with input as fixtures.state([fw])
}

test_unknown_direction if {
	fw := fixtures.with_unknown(_fw({"direction": null, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]}), ["direction"])
	inp := fixtures.plan([fw])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_firewall.fw"} with input as inp
}
