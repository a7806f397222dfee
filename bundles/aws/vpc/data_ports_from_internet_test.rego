package tenet.aws.vpc.data_ports_from_internet_test

import rego.v1

import data.tenet.aws.vpc.data_ports_from_internet as check
import data.tenet.lib.fixtures

_ingress(protocol, from, to, cidrs) := {"protocol": protocol, "from_port": from, "to_port": to, "cidr_blocks": cidrs, "ipv6_cidr_blocks": []}

test_deny_inline_mysql_and_range if {
	sg := fixtures.resource("aws_security_group", "db", {"ingress": [
		_ingress("tcp", 3306, 3306, ["0.0.0.0/0"]),
		_ingress("tcp", 5000, 6400, ["0.0.0.0/0"]),
		_ingress("tcp", 443, 443, ["0.0.0.0/0"]),
	]})
	check.deny == {
		{"msg": "ingress admits port(s) 3306 from the whole internet", "resource": "aws_security_group.db", "attribute": "ingress.0"},
		{"msg": "ingress admits port(s) 5432, 5601, 6379 from the whole internet", "resource": "aws_security_group.db", "attribute": "ingress.1"},
	} with input as fixtures.plan([sg])
}

test_deny_vpc_rule_ipv6 if {
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "redis", {"ip_protocol": "6", "from_port": 6379, "to_port": 6379, "cidr_ipv6": "::/0"})
	check.deny == {{"msg": "ingress admits port(s) 6379 from the whole internet", "resource": "aws_vpc_security_group_ingress_rule.redis", "attribute": "cidr_ipv6"}} with input as fixtures.plan([r])
}

test_allow_private_sources_and_web_ports if {
	sg := fixtures.resource("aws_security_group", "db", {"ingress": [_ingress("tcp", 5432, 5432, ["10.0.0.0/16"]), _ingress("tcp", 80, 443, ["0.0.0.0/0"])]})
	inp := fixtures.plan([sg])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_ports if {
	r := fixtures.with_unknown(fixtures.resource("aws_security_group_rule", "db", {"type": "ingress", "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}), ["from_port", "to_port"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "whether ingress admits database or cache ports from the internet is unknown until apply (unknown: from_port, to_port)",
		"resource": "aws_security_group_rule.db",
		"attribute": "cidr_blocks",
	}} with input as inp
}

test_unknown_not_reported_beside_a_known_exposure if {
	r := fixtures.with_unknown(fixtures.resource("aws_security_group_rule", "db", {"type": "ingress", "protocol": "tcp", "from_port": 3306, "to_port": 3306}), ["ipv6_cidr_blocks"])
	r2 := fixtures.patch(r, {"values": {"cidr_blocks": ["0.0.0.0/0"]}})
	inp := fixtures.plan([r2])
	{f.resource | some f in check.deny} == {"aws_security_group_rule.db"} with input as inp
	check.unknown == set() with input as inp
}
