package tenet.aws.cloudwatch.log_group_kms_test

import rego.v1

import data.tenet.aws.cloudwatch.log_group_kms as check
import data.tenet.lib.fixtures

test_deny_without_key if {
	g := fixtures.resource("aws_cloudwatch_log_group", "app", {"name": "app", "kms_key_id": null})
	check.deny == {{"msg": "kms_key_id is empty: the log group is not encrypted with a KMS key", "resource": "aws_cloudwatch_log_group.app", "attribute": "kms_key_id"}} with input as fixtures.plan([g])
}

test_deny_empty_key_in_state if {
	g := fixtures.resource("aws_cloudwatch_log_group", "app", {"name": "app", "kms_key_id": ""})
	{f.resource | some f in check.deny} == {"aws_cloudwatch_log_group.app"} with input as fixtures.state([g])
}

test_allow_key_and_reference if {
	g := fixtures.resource("aws_cloudwatch_log_group", "app", {"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})
	r := fixtures.with_unknown(fixtures.resource("aws_cloudwatch_log_group", "ref", {}), ["kms_key_id"])
	check.deny == set() with input as fixtures.plan([g, r])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_key_through_local if {
	g := fixtures.from_local(fixtures.resource("aws_cloudwatch_log_group", "app", {"name": "app"}), ["kms_key_id"])
	check.deny == set() with input as fixtures.plan([g])
	{f.attribute | some f in check.unknown} == {"kms_key_id"} with input as fixtures.plan([g])
}
