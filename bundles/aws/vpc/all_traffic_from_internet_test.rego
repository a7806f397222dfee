package tenet.aws.vpc.all_traffic_from_internet_test

import rego.v1

import data.tenet.aws.vpc.all_traffic_from_internet as check
import data.tenet.lib.fixtures

_ingress(protocol, from, to, cidrs) := {"protocol": protocol, "from_port": from, "to_port": to, "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

_msg := "ingress admits all protocols and ports from the whole internet"

test_deny_inline_all_protocols if {
	sg := fixtures.resource("aws_security_group", "open", {"ingress": [_ingress("tcp", 443, 443, ["0.0.0.0/0"]), _ingress("-1", 0, 0, ["0.0.0.0/0"])]})
	check.deny == {{"msg": _msg, "resource": "aws_security_group.open", "attribute": "ingress.1"}} with input as fixtures.plan([sg])
}

test_deny_full_port_range_rules if {
	r := fixtures.resource("aws_security_group_rule", "all", {"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"]})
	v := fixtures.resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	check.deny == {
		{"msg": _msg, "resource": "aws_security_group_rule.all", "attribute": "ipv6_cidr_blocks"},
		{"msg": _msg, "resource": "aws_vpc_security_group_ingress_rule.all", "attribute": "cidr_ipv4"},
	} with input as fixtures.plan([r, v])
}

test_allow_narrow_or_private if {
	sg := fixtures.resource("aws_security_group", "web", {"ingress": [_ingress("tcp", 443, 443, ["0.0.0.0/0"]), _ingress("-1", 0, 0, ["10.0.0.0/8"])]})
	egress := fixtures.resource("aws_security_group_rule", "out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})
	inp := fixtures.plan([sg, egress])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_cidrs if {
	r := fixtures.with_unknown(fixtures.resource("aws_security_group_rule", "all", {"type": "ingress", "protocol": "-1", "from_port": 0, "to_port": 0}), ["cidr_blocks"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "whether ingress admits all traffic from the internet is unknown until apply (unknown: cidr_blocks)",
		"resource": "aws_security_group_rule.all",
		"attribute": "cidr_blocks",
	}} with input as inp
}
