package tenet.aws.vpc.egress_to_internet_test

import rego.v1

import data.tenet.aws.vpc.egress_to_internet as check
import data.tenet.lib.fixtures

_all_out := {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": []}

test_deny_inline_all_out if {
	sg := fixtures.resource("aws_security_group", "web", {"egress": [_all_out]})
	check.deny == {{
		"msg": "egress allows all protocols and ports to the whole internet",
		"resource": "aws_security_group.web",
		"attribute": "egress.0",
	}} with input as fixtures.plan([sg])
}

test_deny_rule_resources if {
	classic := fixtures.resource("aws_security_group_rule", "out", object.union(_all_out, {"type": "egress"}))
	vpc := fixtures.resource("aws_vpc_security_group_egress_rule", "v6", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	{f.resource | some f in check.deny} == {"aws_security_group_rule.out", "aws_vpc_security_group_egress_rule.v6"} with input as fixtures.state([classic, vpc])
}

test_allow_limited_egress_and_ingress if {
	https := fixtures.resource("aws_security_group", "web", {"egress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, object.union(_all_out, {"cidr_blocks": ["10.0.0.0/8"]})]})
	ingress := fixtures.resource("aws_security_group_rule", "in", object.union(_all_out, {"type": "ingress"}))
	inp := fixtures.plan([https, ingress])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_destination if {
	r := fixtures.from_local(fixtures.resource("aws_vpc_security_group_egress_rule", "out", {"ip_protocol": "-1"}), ["cidr_ipv4"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"whether egress allows all traffic to the internet is unknown until apply (unknown: cidr_ipv4)"} with input as inp
}
