package tenet.gcp.compute.ssh_from_internet_test

import rego.v1

import data.tenet.gcp.compute.ssh_from_internet as check
import data.tenet.lib.fixtures

_fw(values) := fixtures.resource("google_compute_firewall", "fw", object.union(
	{"name": "fw", "network": "default", "direction": "INGRESS", "disabled": false, "source_tags": null, "source_service_accounts": null},
	values,
))

_msg := "ingress rule allows TCP port 22 (SSH) from the internet"

test_deny_port_22_from_anywhere if {
	fw := _fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	check.deny == {{"msg": _msg, "resource": "google_compute_firewall.fw", "attribute": "source_ranges"}} with input as fixtures.state([fw])
}

test_deny_port_range_ipv6 if {
	fw := _fw({"source_ranges": ["::/0"], "allow": [{"protocol": "tcp", "ports": ["20-25"]}]})
	{f.resource | some f in check.deny} == {"google_compute_firewall.fw"} with input as fixtures.plan([fw])
}

test_deny_all_protocols_no_ports if {
	fw := _fw({"source_ranges": ["10.0.0.0/8", "0.0.0.0/0"], "allow": [{"protocol": "all", "ports": []}]})
	{f.resource | some f in check.deny} == {"google_compute_firewall.fw"} with input as fixtures.plan([fw])
}

test_deny_no_source_at_all_in_state if {
	fw := _fw({"source_ranges": [], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	{f.resource | some f in check.deny} == {"google_compute_firewall.fw"} with input as fixtures.state([fw])
}

test_allow_restricted_source if {
	fw := _fw({"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	check.deny == set() with input as fixtures.plan([fw])
}

test_allow_other_port_egress_disabled_and_tags if {
	inp := fixtures.state([
		_fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443", "8000-8080"]}]}),
		fixtures.resource("google_compute_firewall", "egress", {"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": []}]}),
		fixtures.resource("google_compute_firewall", "off", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		fixtures.resource("google_compute_firewall", "tags", {"source_ranges": [], "source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		fixtures.resource("google_compute_firewall", "udp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["22"]}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_source_ranges_computed if {
	fw := fixtures.with_unknown(_fw({"allow": [{"protocol": "tcp", "ports": ["22"]}]}), ["source_ranges"])
	inp := fixtures.plan([fw])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_firewall.fw", "source_ranges"]} with input as inp
}

test_allow_unknown_source_ranges_but_port_closed if {
	fw := fixtures.with_unknown(_fw({"allow": [{"protocol": "tcp", "ports": ["443"]}]}), ["source_ranges"])
	check.unknown == set() with input as fixtures.plan([fw])
}
