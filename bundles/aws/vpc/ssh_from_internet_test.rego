package tenet.aws.vpc.ssh_from_internet_test

import rego.v1

import data.tenet.aws.vpc.ssh_from_internet as check
import data.tenet.lib.fixtures

_ingress(protocol, from, to, cidrs) := {"protocol": protocol, "from_port": from, "to_port": to, "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

_sg(blocks) := fixtures.resource("aws_security_group", "bastion", {"name": "bastion", "ingress": blocks})

_msg := "ingress admits SSH (port 22) from the whole internet"

test_deny_inline_ingress if {
	sg := _sg([_ingress("tcp", 443, 443, ["0.0.0.0/0"]), _ingress("tcp", 22, 22, ["0.0.0.0/0"])])
	check.deny == {{"msg": _msg, "resource": "aws_security_group.bastion", "attribute": "ingress.1"}} with input as fixtures.plan([sg])
}

test_deny_port_range_and_all_protocols if {
	sg := _sg([_ingress("tcp", 0, 1024, ["10.0.0.0/8"]), _ingress("-1", 0, 0, ["0.0.0.0/0"]), _ingress("6", 20, 30, ["0.0.0.0/0"])])
	{f.attribute | some f in check.deny} == {"ingress.1", "ingress.2"} with input as fixtures.plan([sg])
}

test_deny_security_group_rule if {
	r := fixtures.resource("aws_security_group_rule", "ssh", {
		"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22,
		"cidr_blocks": null, "ipv6_cidr_blocks": ["::/0"],
	})
	check.deny == {{"msg": _msg, "resource": "aws_security_group_rule.ssh", "attribute": "ipv6_cidr_blocks"}} with input as fixtures.plan([r])
}

test_deny_vpc_ingress_rule if {
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"})
	check.deny == {{"msg": _msg, "resource": "aws_vpc_security_group_ingress_rule.ssh", "attribute": "cidr_ipv4"}} with input as fixtures.plan([r])
}

test_allow_restricted_or_other_ports if {
	sg := _sg([_ingress("tcp", 22, 22, ["10.20.0.0/16"]), _ingress("tcp", 443, 443, ["0.0.0.0/0"]), _ingress("udp", 22, 22, ["0.0.0.0/0"])])
	egress := fixtures.resource("aws_security_group_rule", "out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})
	vpc := fixtures.resource("aws_vpc_security_group_ingress_rule", "https", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "0.0.0.0/0"})
	inp := fixtures.plan([sg, egress, vpc])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_deleted_rule_ignored if {
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"})
	check.deny == set() with input as fixtures.plan([fixtures.with_action(r, "delete")])
}

test_allow_group_with_computed_ingress if {
	sg := fixtures.with_unknown(fixtures.resource("aws_security_group", "web", {"name": "web"}), ["id", "ingress"])
	inp := fixtures.plan([sg])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_cidr if {
	r := fixtures.with_unknown(
		fixtures.resource("aws_security_group_rule", "ssh", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22}),
		["cidr_blocks"],
	)
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "whether ingress admits SSH from the internet is unknown until apply (unknown: cidr_blocks)",
		"resource": "aws_security_group_rule.ssh",
		"attribute": "cidr_blocks",
	}} with input as inp
}

test_unknown_inline_ports if {
	sg := fixtures.with_unknown(_sg([{"protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]), ["ingress.0.from_port", "ingress.0.to_port"])
	inp := fixtures.plan([sg])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["aws_security_group.bastion", "ingress.0"]} with input as inp
}

test_deny_zero_prefix_with_an_address if {
	sg := _sg([_ingress("tcp", 22, 22, ["192.168.1.0/0"])])
	check.deny == {{"msg": _msg, "resource": "aws_security_group.bastion", "attribute": "ingress.0"}} with input as fixtures.plan([sg])
}
