package tenet.aws.vpc.nacl_admin_ports_test

import rego.v1

import data.tenet.aws.vpc.nacl_admin_ports as check
import data.tenet.lib.fixtures

_entry(action, protocol, from, to, cidr) := {"rule_no": 100, "action": action, "protocol": protocol, "from_port": from, "to_port": to, "cidr_block": cidr, "ipv6_cidr_block": ""}

test_deny_inline_entries if {
	acl := fixtures.resource("aws_network_acl", "public", {"ingress": [
		_entry("allow", "tcp", 443, 443, "0.0.0.0/0"),
		_entry("allow", "-1", 0, 0, "0.0.0.0/0"),
		_entry("allow", "6", 22, 22, "0.0.0.0/0"),
	]})
	check.deny == {
		{"msg": "inbound allow entry admits port(s) 22, 3389 from the whole internet", "resource": "aws_network_acl.public", "attribute": "ingress.1"},
		{"msg": "inbound allow entry admits port(s) 22 from the whole internet", "resource": "aws_network_acl.public", "attribute": "ingress.2"},
	} with input as fixtures.plan([acl])
}

test_deny_separate_rule_and_default_acl if {
	r := fixtures.resource("aws_network_acl_rule", "rdp", {"egress": false, "rule_action": "allow", "protocol": "udp", "from_port": 3389, "to_port": 3389, "ipv6_cidr_block": "::/0"})
	d := fixtures.resource("aws_default_network_acl", "default", {"ingress": [_entry("allow", "-1", 0, 0, "0.0.0.0/0")]})
	{[f.resource, f.attribute] | some f in check.deny} == {
		["aws_network_acl_rule.rdp", "ipv6_cidr_block"],
		["aws_default_network_acl.default", "ingress.0"],
	} with input as fixtures.state([r, d])
}

test_allow_deny_entries_egress_and_private if {
	acl := fixtures.resource("aws_network_acl", "private", {"ingress": [_entry("deny", "tcp", 22, 22, "0.0.0.0/0"), _entry("allow", "tcp", 22, 22, "10.0.0.0/8")]})
	egress := fixtures.resource("aws_network_acl_rule", "out", {"egress": true, "rule_action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0"})
	inp := fixtures.plan([acl, egress])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_cidr if {
	r := fixtures.with_unknown(fixtures.resource("aws_network_acl_rule", "ssh", {"egress": false, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22}), ["cidr_block"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "whether the entry admits SSH or RDP from the internet is unknown until apply (unknown: cidr_block)",
		"resource": "aws_network_acl_rule.ssh",
		"attribute": "cidr_block",
	}} with input as inp
}

test_unknown_not_reported_beside_a_known_exposure if {
	r := fixtures.with_unknown(fixtures.resource("aws_network_acl_rule", "ssh", {"egress": false, "rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}), ["ipv6_cidr_block"])
	inp := fixtures.plan([r])
	{f.resource | some f in check.deny} == {"aws_network_acl_rule.ssh"} with input as inp
	check.unknown == set() with input as inp
}

# An entry whose action or direction is unknown until apply is unknown
# where a known allow entry would fail, never a pass.
test_deny_becomes_unknown_when_the_action_is_unknown if {
	r := fixtures.with_unknown(fixtures.resource("aws_network_acl_rule", "r", {"egress": false, "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}), ["rule_action"])
	e := fixtures.with_unknown(fixtures.resource("aws_network_acl_rule", "e", {"rule_action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}), ["egress"])
	inp := fixtures.plan([r, e])
	count(check.deny) == 0 with input as inp
	{f.resource | some f in check.unknown} == {"aws_network_acl_rule.r", "aws_network_acl_rule.e"} with input as inp
}
