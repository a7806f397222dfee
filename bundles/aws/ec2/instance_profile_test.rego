package tenet.aws.ec2.instance_profile_test

import rego.v1

import data.tenet.aws.ec2.instance_profile as check
import data.tenet.lib.fixtures

test_deny_without_profile if {
	i := fixtures.resource("aws_instance", "web", {"ami": "ami-1"})
	check.deny == {{
		"msg": "iam_instance_profile is not set: the instance has no IAM role",
		"resource": "aws_instance.web",
		"attribute": "iam_instance_profile",
	}} with input as fixtures.plan([i])
}

test_deny_empty_profile_in_state if {
	i := fixtures.resource("aws_instance", "web", {"iam_instance_profile": ""})
	{f.resource | some f in check.deny} == {"aws_instance.web"} with input as fixtures.state([i])
}

test_allow_profile_named_or_referenced if {
	named := fixtures.resource("aws_instance", "a", {"iam_instance_profile": "web"})
	referenced := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_instance", "b", {}), ["iam_instance_profile"]),
		{"iam_instance_profile": ["aws_iam_instance_profile.web"]},
	)
	check.deny == set() with input as fixtures.plan([named, referenced])
}

test_deny_computed_profile_without_reference if {
	i := fixtures.computed(fixtures.resource("aws_instance", "web", {}), ["iam_instance_profile"])
	{f.resource | some f in check.deny} == {"aws_instance.web"} with input as fixtures.plan([i])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_profile_through_local if {
	i := fixtures.from_local(fixtures.resource("aws_instance", "web", {}), ["iam_instance_profile"])
	check.deny == set() with input as fixtures.plan([i])
	{f.attribute | some f in check.unknown} == {"iam_instance_profile"} with input as fixtures.plan([i])
}
