package tenet.aws.vpc.rdp_from_internet_test

import rego.v1

import data.tenet.aws.vpc.rdp_from_internet as check
import data.tenet.lib.fixtures

_ingress(protocol, from, to, cidrs) := {"protocol": protocol, "from_port": from, "to_port": to, "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

_msg := "ingress admits RDP (port 3389) from the whole internet"

test_deny_inline_tcp_and_udp if {
	sg := fixtures.resource("aws_security_group", "win", {"ingress": [
		_ingress("tcp", 3389, 3389, ["0.0.0.0/0"]),
		_ingress("udp", 3000, 4000, ["0.0.0.0/0"]),
		_ingress("tcp", 22, 22, ["0.0.0.0/0"]),
	]})
	check.deny == {
		{"msg": _msg, "resource": "aws_security_group.win", "attribute": "ingress.0"},
		{"msg": _msg, "resource": "aws_security_group.win", "attribute": "ingress.1"},
	} with input as fixtures.plan([sg])
}

test_deny_vpc_ingress_rule_all_traffic if {
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "any", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	check.deny == {{"msg": _msg, "resource": "aws_vpc_security_group_ingress_rule.any", "attribute": "cidr_ipv6"}} with input as fixtures.plan([r])
}

test_deny_security_group_rule_in_state if {
	r := fixtures.resource("aws_security_group_rule", "rdp", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["0.0.0.0/0"]})
	{f.resource | some f in check.deny} == {"aws_security_group_rule.rdp"} with input as fixtures.state([r])
}

test_allow_restricted_cidr if {
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "rdp", {"ip_protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_ipv4": "192.0.2.0/24"})
	check.deny == set() with input as fixtures.plan([r])
	check.unknown == set() with input as fixtures.plan([r])
}

test_unknown_protocol if {
	r := fixtures.with_unknown(
		fixtures.resource("aws_vpc_security_group_ingress_rule", "rdp", {"from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}),
		["ip_protocol"],
	)
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "whether ingress admits RDP from the internet is unknown until apply (unknown: ip_protocol)",
		"resource": "aws_vpc_security_group_ingress_rule.rdp",
		"attribute": "cidr_ipv4",
	}} with input as inp
}
