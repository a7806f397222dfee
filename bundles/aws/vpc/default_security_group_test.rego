package tenet.aws.vpc.default_security_group_test

import rego.v1

import data.tenet.aws.vpc.default_security_group as check
import data.tenet.lib.fixtures

_all := {"protocol": "-1", "from_port": 0, "to_port": 0, "self": true, "cidr_blocks": []}

test_deny_rules_on_default_group if {
	sg := fixtures.resource("aws_default_security_group", "default", {"vpc_id": "vpc-1", "ingress": [_all], "egress": [_all, _all]})
	check.deny == {
		{"msg": "the default security group declares 1 ingress rule(s)", "resource": "aws_default_security_group.default", "attribute": "ingress"},
		{"msg": "the default security group declares 2 egress rule(s)", "resource": "aws_default_security_group.default", "attribute": "egress"},
	} with input as fixtures.state([sg])
}

test_allow_empty_default_group if {
	sg := fixtures.resource("aws_default_security_group", "default", {"vpc_id": "vpc-1", "ingress": [], "egress": []})
	inp := fixtures.plan([sg, fixtures.resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_dynamic_rules if {
	sg := fixtures.with_unknown(fixtures.resource("aws_default_security_group", "default", {"egress": []}), ["ingress"])
	inp := fixtures.plan([sg])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "ingress is unknown until apply", "resource": "aws_default_security_group.default", "attribute": "ingress"}} with input as inp
}

test_deny_separate_rule_resources if {
	sg := fixtures.with_unknown(fixtures.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), ["id"])
	rule := fixtures.points_at(fixtures.resource("aws_vpc_security_group_ingress_rule", "https", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "10.0.0.0/8"}), "security_group_id", sg)
	check.deny == {{
		"msg": "aws_vpc_security_group_ingress_rule.https adds a rule to the default security group",
		"resource": "aws_default_security_group.default",
	}} with input as fixtures.plan([sg, rule])
}
