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
	vpc := fixtures.resource("aws_vpc", "main", {"id": "vpc-1", "cidr_block": "10.0.0.0/16"})
	sg := fixtures.resource("aws_default_security_group", "default", {"vpc_id": "vpc-1", "ingress": [], "egress": []})
	inp := fixtures.plan([sg, vpc])
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

_vpc(name) := fixtures.with_unknown(fixtures.resource("aws_vpc", name, {"cidr_block": "10.0.0.0/16"}), ["id", "default_security_group_id"])

_unmanaged_msg := "no aws_default_security_group manages the VPC's default security group, which AWS creates allowing all outbound traffic and all traffic between its members"

# A new VPC without an aws_default_security_group keeps AWS's default group.
test_deny_vpc_without_managed_default_group if {
	inp := fixtures.plan([_vpc("main")])
	check.deny == {{"msg": _unmanaged_msg, "resource": "aws_vpc.main"}} with input as inp
	check.unknown == set() with input as inp
}

test_allow_vpc_managed_by_reference if {
	vpc := _vpc("main")
	sg := fixtures.points_at(fixtures.resource("aws_default_security_group", "main", {"ingress": [], "egress": []}), "vpc_id", vpc)
	inp := fixtures.plan([vpc, sg])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# In a module, the default group of one VPC does not manage another's.
test_deny_only_the_unmanaged_vpc if {
	a := fixtures.in_module(_vpc("this"), "module.a")
	b := fixtures.in_module(_vpc("this"), "module.b")
	sg := fixtures.points_at(fixtures.in_module(fixtures.resource("aws_default_security_group", "this", {"ingress": [], "egress": []}), "module.a"), "vpc_id", a)
	{f.resource | some f in check.deny} == {"module.b.aws_vpc.this"} with input as fixtures.plan([a, b, sg])
}

# State has no references: the join is by value.
test_state_join_by_value if {
	a := fixtures.resource("aws_vpc", "a", {"id": "vpc-0a", "cidr_block": "10.0.0.0/16"})
	b := fixtures.resource("aws_vpc", "b", {"id": "vpc-0b", "cidr_block": "10.1.0.0/16"})
	sg := fixtures.resource("aws_default_security_group", "a", {"id": "sg-0a", "vpc_id": "vpc-0a", "ingress": [], "egress": []})
	inp := fixtures.state([a, b, sg])
	check.deny == {{"msg": _unmanaged_msg, "resource": "aws_vpc.b"}} with input as inp
	check.unknown == set() with input as inp
}

# A default group left without vpc_id manages the default VPC's group, not
# a new VPC's.
test_deny_vpc_beside_default_vpc_group if {
	sg := fixtures.computed(fixtures.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), ["vpc_id", "id"])
	{f.resource | some f in check.deny} == {"aws_vpc.main"} with input as fixtures.plan([_vpc("main"), sg])
}

# The default VPC, once managed, needs its default group managed too; an
# aws_default_security_group without vpc_id is that group.
test_default_vpc if {
	dvpc := fixtures.resource("aws_default_vpc", "default", {"id": "vpc-0d"})
	{f.resource | some f in check.deny} == {"aws_default_vpc.default"} with input as fixtures.plan([dvpc])
	sg := fixtures.computed(fixtures.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), ["vpc_id"])
	check.deny == set() with input as fixtures.plan([dvpc, sg])
}

# vpc_id comes from something that is not a VPC of the input (a data
# source here): which VPC the group manages is not known until apply.
test_unknown_default_group_vpc_not_joinable if {
	sg := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_default_security_group", "d", {"ingress": [], "egress": []}), ["vpc_id"]),
		{"vpc_id": ["data.aws_vpc.selected"]},
	)
	inp := fixtures.plan([_vpc("main"), sg])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "vpc_id of aws_default_security_group.d is unknown until apply", "resource": "aws_vpc.main"}} with input as inp
}

test_allow_deleted_vpc if {
	check.deny == set() with input as fixtures.plan([fixtures.with_action(_vpc("old"), "delete")])
}

# A default group whose vpc_id comes from a local is unknown until apply:
# which VPC's group it manages is not known, so the VPC beside it is unknown
# too, not failed (issue 14).
test_unknown_default_group_vpc_through_local if {
	sg := fixtures.from_local(fixtures.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), ["vpc_id"])
	check.deny == set() with input as fixtures.plan([_vpc("main"), sg])
	{f.resource | some f in check.unknown} == {"aws_vpc.main"} with input as fixtures.plan([_vpc("main"), sg])
}

# A default group without vpc_id manages the default VPC of every region
# that the input manages; a group with vpc_id manages none of them.
test_default_vpcs_of_two_regions if {
	east := fixtures.resource("aws_default_vpc", "east", {"id": "vpc-0e"})
	west := fixtures.resource("aws_default_vpc", "west", {"id": "vpc-0w"})
	sg := fixtures.computed(fixtures.resource("aws_default_security_group", "default", {"ingress": [], "egress": []}), ["vpc_id"])
	check.deny == set() with input as fixtures.plan([east, west, sg])
	main := fixtures.points_at(fixtures.resource("aws_default_security_group", "main", {"ingress": [], "egress": []}), "vpc_id", _vpc("main"))
	{f.resource | some f in check.deny} == {"aws_default_vpc.east", "aws_default_vpc.west"} with input as fixtures.plan([east, west, _vpc("main"), main])
}
