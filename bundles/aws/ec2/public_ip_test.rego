package tenet.aws.ec2.public_ip_test

import rego.v1

import data.tenet.aws.ec2.public_ip as check
import data.tenet.lib.fixtures

_msg := "associate_public_ip_address is true: the instance gets a public IP address"

test_deny_instance_and_launch_configuration if {
	i := fixtures.resource("aws_instance", "web", {"associate_public_ip_address": true})
	lc := fixtures.resource("aws_launch_configuration", "asg", {"associate_public_ip_address": true})
	check.deny == {
		{"msg": _msg, "resource": "aws_instance.web", "attribute": "associate_public_ip_address"},
		{"msg": _msg, "resource": "aws_launch_configuration.asg", "attribute": "associate_public_ip_address"},
	} with input as fixtures.plan([i, lc])
}

test_deny_launch_template_interface if {
	lt := fixtures.resource("aws_launch_template", "web", {"network_interfaces": [{"associate_public_ip_address": "false"}, {"associate_public_ip_address": "true"}]})
	check.deny == {{"msg": _msg, "resource": "aws_launch_template.web", "attribute": "network_interfaces.1.associate_public_ip_address"}} with input as fixtures.plan([lt])
}

test_allow_private_or_left_to_subnet if {
	i := fixtures.resource("aws_instance", "web", {"associate_public_ip_address": false})
	computed := fixtures.computed(fixtures.resource("aws_instance", "app", {}), ["associate_public_ip_address"])
	lt := fixtures.resource("aws_launch_template", "web", {"network_interfaces": [{"associate_public_ip_address": ""}]})
	inp := fixtures.plan([i, computed, lt])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_expression if {
	i := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_instance", "web", {}), ["associate_public_ip_address"]),
		{"associate_public_ip_address": ["data.external.flags"]},
	)
	inp := fixtures.plan([i])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"associate_public_ip_address"} with input as inp
}

test_unknown_launch_template_interface if {
	lt := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_launch_template", "web", {"network_interfaces": [{}]}), ["network_interfaces.0.associate_public_ip_address"]),
		{"network_interfaces.associate_public_ip_address": ["data.external.flags"]},
	)
	inp := fixtures.plan([lt])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_interfaces.0.associate_public_ip_address"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_launch_template_interfaces_through_local if {
	lt := fixtures.from_local(fixtures.resource("aws_launch_template", "web", {}), ["network_interfaces"])
	check.deny == set() with input as fixtures.plan([lt])
	{f.attribute | some f in check.unknown} == {"network_interfaces"} with input as fixtures.plan([lt])
}
