package tenet.lib.network_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.network

_ssh := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}

_rules(resources) := rules if {
	rules := network.ingress_rules with input as fixtures.plan(resources)
}

test_ingress_rules_from_inline_blocks if {
	sg := fixtures.resource("aws_security_group", "web", {"ingress": [
		{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": null},
		_ssh,
	]})
	rules := _rules([sg])
	{[r.resource.address, r.attribute, r.protocol, r.from_port, r.to_port, r.cidrs] | some r in rules} == {
		["aws_security_group.web", "ingress.0", "tcp", 443, 443, ["10.0.0.0/8"]],
		["aws_security_group.web", "ingress.1", "tcp", 22, 22, ["0.0.0.0/0"]],
	}
}

test_ingress_rules_from_rule_resources if {
	classic := fixtures.resource("aws_security_group_rule", "ssh", object.union(_ssh, {"type": "ingress"}))
	egress := fixtures.resource("aws_security_group_rule", "out", object.union(_ssh, {"type": "egress"}))
	vpc := fixtures.resource("aws_vpc_security_group_ingress_rule", "rdp", {"ip_protocol": "6", "from_port": 3389, "to_port": 3389, "cidr_ipv6": "::/0"})
	rules := _rules([classic, egress, vpc])
	{[r.resource.address, r.attribute, r.protocol, r.cidrs] | some r in rules} == {
		["aws_security_group_rule.ssh", "cidr_blocks", "tcp", ["0.0.0.0/0"]],
		["aws_vpc_security_group_ingress_rule.rdp", "cidr_ipv6", "tcp", ["::/0"]],
	}
}

test_ingress_rules_attribute_defaults_to_first_cidr_attribute if {
	vpc := fixtures.resource("aws_vpc_security_group_ingress_rule", "r", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "referenced_security_group_id": "sg-1"})
	[r.attribute | some r in _rules([vpc])] == ["cidr_ipv4"]
}

test_ingress_rules_ignore_wholly_unknown_ingress if {
	sg := fixtures.with_unknown(fixtures.resource("aws_security_group", "web", {"name": "web"}), ["ingress"])
	_rules([sg]) == set()
}

test_ingress_rules_record_unknown_parts if {
	sg := fixtures.with_unknown(
		fixtures.resource("aws_security_group", "web", {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp"}]}),
		["ingress.0.cidr_blocks"],
	)
	[r.unknown | some r in _rules([sg])] == [{"cidrs"}]
	vpc := fixtures.with_unknown(fixtures.resource("aws_vpc_security_group_ingress_rule", "r", {"cidr_ipv4": "0.0.0.0/0"}), ["ip_protocol", "to_port"])
	[r.unknown | some r in _rules([vpc])] == [{"protocol", "ports"}]
	[r.unknown_attributes | some r in _rules([vpc])] == [{"ip_protocol", "to_port"}]
}

_rule(protocol, from, to, cidrs, unknown) := {"protocol": protocol, "from_port": from, "to_port": to, "cidrs": cidrs, "unknown": unknown}

test_exposes if {
	network.exposes(_rule("tcp", 22, 22, ["0.0.0.0/0"], set()), 22, {"tcp"})
	network.exposes(_rule("tcp", 0, 65535, ["10.0.0.0/8", "::/0"], set()), 22, {"tcp"})
	network.exposes(_rule("all", 0, 0, ["0.0.0.0/0"], set()), 3389, {"tcp", "udp"})
	network.exposes(_rule("udp", 3389, 3389, ["0.0.0.0/0"], set()), 3389, {"tcp", "udp"})
	not network.exposes(_rule("udp", 22, 22, ["0.0.0.0/0"], set()), 22, {"tcp"})
	not network.exposes(_rule("tcp", 23, 443, ["0.0.0.0/0"], set()), 22, {"tcp"})
	not network.exposes(_rule("tcp", 22, 22, ["10.0.0.0/8"], set()), 22, {"tcp"})
	not network.exposes(_rule("icmp", -1, -1, ["0.0.0.0/0"], set()), 22, {"tcp"})
}

test_may_expose if {
	network.may_expose(_rule("tcp", 22, 22, [], {"cidrs"}), 22, {"tcp"})
	network.may_expose(_rule(null, 80, 80, ["0.0.0.0/0"], {"protocol"}), 22, {"tcp"})
	network.may_expose(_rule("tcp", null, null, ["0.0.0.0/0"], {"ports"}), 22, {"tcp"})
	not network.may_expose(_rule("tcp", 22, 22, ["0.0.0.0/0"], {"ports"}), 22, {"tcp"})
	not network.may_expose(_rule("udp", null, null, ["0.0.0.0/0"], {"ports"}), 22, {"tcp"})
	not network.may_expose(_rule("tcp", 22, 22, ["10.0.0.0/8"], {"ports"}), 22, {"tcp"})
	not network.may_expose(_rule("tcp", 80, 80, [], {"cidrs"}), 22, {"tcp"})
}

_ports := [[22, {"tcp"}], [3389, {"tcp", "udp"}], [53, {"udp"}], [443, {"tcp"}]]

_variants := [
	_rule("tcp", 22, 22, ["0.0.0.0/0"], set()),
	_rule("tcp", 0, 65535, ["10.0.0.0/8", "::/0"], set()),
	_rule("all", 0, 0, ["0.0.0.0/0"], set()),
	_rule("udp", 0, 4000, ["0.0.0.0/0"], set()),
	_rule("tcp", 22, 22, ["10.0.0.0/8"], set()),
	_rule("tcp", 22, 22, [], {"cidrs"}),
	_rule(null, 80, 80, ["0.0.0.0/0"], {"protocol"}),
	_rule("tcp", null, null, ["0.0.0.0/0"], {"ports"}),
	_rule("udp", null, null, ["10.0.0.0/8"], {"ports", "cidrs"}),
	_rule("icmp", -1, -1, ["0.0.0.0/0"], set()),
]

test_exposed_ports if {
	network.exposed_ports(_rule("tcp", 0, 3389, ["0.0.0.0/0"], set()), _ports) == [[22, {"tcp"}], [3389, {"tcp", "udp"}], [443, {"tcp"}]]
	network.exposed_ports(_rule("udp", 0, 4000, ["::/0"], set()), _ports) == [[3389, {"tcp", "udp"}], [53, {"udp"}]]
	network.exposed_ports(_rule("tcp", 0, 65535, ["10.0.0.0/8"], set()), _ports) == []
	network.may_expose_ports(_rule("tcp", null, null, ["0.0.0.0/0"], {"ports"}), _ports) == [[22, {"tcp"}], [3389, {"tcp", "udp"}], [443, {"tcp"}]]
	network.may_expose_ports(_rule("tcp", 22, 22, ["0.0.0.0/0"], set()), _ports) == []
}

# The lists give, port by port, what exposes() and may_expose() give.
test_port_lists_agree_with_single_ports if {
	every r in _variants {
		network.exposed_ports(r, _ports) == [p | some p in _ports; network.exposes(r, p[0], p[1])]
		network.may_expose_ports(r, _ports) == [p | some p in _ports; network.may_expose(r, p[0], p[1])]
	}
}

test_protocol_names if {
	rules := _rules([
		fixtures.resource("aws_vpc_security_group_ingress_rule", "a", {"ip_protocol": "-1"}),
		fixtures.resource("aws_vpc_security_group_ingress_rule", "b", {"ip_protocol": "ALL"}),
		fixtures.resource("aws_vpc_security_group_ingress_rule", "c", {"ip_protocol": "17"}),
		fixtures.resource("aws_vpc_security_group_ingress_rule", "d", {"ip_protocol": "icmp"}),
		fixtures.resource("aws_vpc_security_group_ingress_rule", "e", {}),
	])
	{[r.resource.name, r.protocol] | some r in rules} == {["a", "all"], ["b", "all"], ["c", "udp"], ["d", "icmp"], ["e", null]}
}

_rule(protocol, from, to, cidrs, unknown) := {"protocol": protocol, "from_port": from, "to_port": to, "cidrs": cidrs, "unknown": unknown}

test_wide_open if {
	network.wide_open(_rule("all", 0, 0, ["0.0.0.0/0"], set()))
	network.wide_open(_rule("tcp", 0, 65535, ["::/0"], set()))
	not network.wide_open(_rule("tcp", 0, 65535, ["10.0.0.0/8"], set()))
	not network.wide_open(_rule("tcp", 22, 22, ["0.0.0.0/0"], set()))
	not network.may_be_wide_open(_rule("tcp", 22, 22, ["0.0.0.0/0"], set()))
	network.may_be_wide_open(_rule("tcp", null, null, ["0.0.0.0/0"], {"ports"}))
	network.may_be_wide_open(_rule("all", 0, 0, [], {"cidrs"}))
	network.may_be_wide_open(_rule(null, 22, 22, ["0.0.0.0/0"], {"protocol"}))
	not network.may_be_wide_open(_rule("all", 0, 0, ["0.0.0.0/0"], set()))
}

test_nacl_ingress_rules if {
	acl := fixtures.resource("aws_network_acl", "main", {"ingress": [
		{"action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0", "ipv6_cidr_block": ""},
		{"action": "deny", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0", "ipv6_cidr_block": ""},
	]})
	default_acl := fixtures.with_unknown(fixtures.resource("aws_default_network_acl", "d", {}), ["ingress"])
	inbound := fixtures.resource("aws_network_acl_rule", "in", {"egress": false, "rule_action": "allow", "protocol": "6", "from_port": 3389, "to_port": 3389, "ipv6_cidr_block": "::/0"})
	outbound := fixtures.resource("aws_network_acl_rule", "out", {"egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	rules := network.nacl_ingress_rules with input as fixtures.plan([acl, default_acl, inbound, outbound])
	{[r.resource.address, r.attribute, r.protocol, r.cidrs] | some r in rules} == {
		["aws_network_acl.main", "ingress.0", "tcp", ["0.0.0.0/0", ""]],
		["aws_network_acl_rule.in", "ipv6_cidr_block", "tcp", ["::/0"]],
	}
}

test_open_statement if {
	statements := [
		{"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"},
		{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "sns:Publish"},
		{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Publish", "Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}}},
		{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage"},
		{"Effect": "Deny", "Principal": "*", "Action": "*"},
	]
	[i | some i, st in statements; network.open_statement(st)] == [0, 1]
}

test_public_cidr if {
	network.public_cidr("0.0.0.0/0")
	network.public_cidr("::/0")
	network.public_cidr("192.168.1.0/0")
	network.public_cidr("2001:db8::/0")
	not network.public_cidr("192.168.1.0/24")
	not network.public_cidr("10.0.0.0/8")
	not network.public_cidr("0.0.0.0/10")
	not network.public_cidr(22)
}

test_egress_rules_from_every_form if {
	all_out := {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": null}
	sg := fixtures.resource("aws_security_group", "web", {"ingress": [_ssh], "egress": [all_out]})
	classic := fixtures.resource("aws_security_group_rule", "out", object.union(_ssh, {"type": "egress"}))
	ingress := fixtures.resource("aws_security_group_rule", "in", object.union(_ssh, {"type": "ingress"}))
	vpc := fixtures.resource("aws_vpc_security_group_egress_rule", "all", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	rules := network.egress_rules with input as fixtures.plan([sg, classic, ingress, vpc])
	{[r.resource.address, r.attribute, r.protocol, r.cidrs] | some r in rules} == {
		["aws_security_group.web", "egress.0", "all", ["0.0.0.0/0"]],
		["aws_security_group_rule.out", "cidr_blocks", "tcp", ["0.0.0.0/0"]],
		["aws_vpc_security_group_egress_rule.all", "cidr_ipv6", "all", ["::/0"]],
	}
}
