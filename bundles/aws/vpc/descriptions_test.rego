package tenet.aws.vpc.descriptions_test

import rego.v1

import data.tenet.aws.vpc.descriptions as check
import data.tenet.lib.fixtures

_https := {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}

test_deny_default_group_description_and_bare_rules if {
	sg := fixtures.resource("aws_security_group", "web", {"description": "Managed by Terraform", "ingress": [_https], "egress": [object.union(_https, {"description": "to the proxy"})]})
	check.deny == {
		{"msg": "the security group's description is \"Managed by Terraform\": it does not say what the group is for", "resource": "aws_security_group.web", "attribute": "description"},
		{"msg": "ingress rule 0 has no description", "resource": "aws_security_group.web", "attribute": "ingress.0"},
	} with input as fixtures.plan([sg])
}

test_deny_rule_resources_without_description if {
	classic := fixtures.resource("aws_security_group_rule", "in", object.union(_https, {"type": "ingress"}))
	vpc := fixtures.resource("aws_vpc_security_group_egress_rule", "out", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "10.0.0.0/8", "description": " "})
	{f.resource | some f in check.deny} == {"aws_security_group_rule.in", "aws_vpc_security_group_egress_rule.out"} with input as fixtures.state([classic, vpc])
}

test_allow_described if {
	sg := fixtures.resource("aws_security_group", "web", {"description": "Public web servers", "ingress": [object.union(_https, {"description": "HTTPS from the office"})]})
	r := fixtures.resource("aws_vpc_security_group_ingress_rule", "in", {"ip_protocol": "tcp", "description": "HTTPS from the load balancer"})
	inp := fixtures.plan([sg, r])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_descriptions if {
	sg := fixtures.from_local(fixtures.resource("aws_security_group", "web", {"ingress": [object.union(_https, {"description": "ok"})]}), ["description"])
	r := fixtures.from_local(fixtures.resource("aws_security_group_rule", "in", object.union(_https, {"type": "ingress"})), ["description"])
	inp := fixtures.plan([sg, r])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_security_group.web", "aws_security_group_rule.in"} with input as inp
}
