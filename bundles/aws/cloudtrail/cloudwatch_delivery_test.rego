package tenet.aws.cloudtrail.cloudwatch_delivery_test

import rego.v1

import data.tenet.aws.cloudtrail.cloudwatch_delivery as check
import data.tenet.lib.fixtures

_trail(values) := fixtures.resource("aws_cloudtrail", "main", object.union({"name": "main"}, values))

test_deny_without_delivery if {
	check.deny == {
		{"msg": "cloud_watch_logs_group_arn is empty, so no events reach CloudWatch Logs", "resource": "aws_cloudtrail.main", "attribute": "cloud_watch_logs_group_arn"},
		{"msg": "cloud_watch_logs_role_arn is empty, so no events reach CloudWatch Logs", "resource": "aws_cloudtrail.main", "attribute": "cloud_watch_logs_role_arn"},
	} with input as fixtures.plan([_trail({})])
}

test_deny_role_missing_in_state if {
	{f.attribute | some f in check.deny} == {"cloud_watch_logs_role_arn"} with input as fixtures.state([_trail({"cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:trail:*", "cloud_watch_logs_role_arn": ""})])
}

test_allow_references if {
	t := fixtures.with_refs(
		fixtures.with_unknown(_trail({}), ["cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn"]),
		{"cloud_watch_logs_group_arn": ["aws_cloudwatch_log_group.trail"], "cloud_watch_logs_role_arn": ["aws_iam_role.trail"]},
	)
	check.deny == set() with input as fixtures.plan([t])
	check.unknown == set() with input as fixtures.plan([t])
}

test_unknown_without_reference if {
	t := fixtures.with_configured(
		fixtures.with_unknown(_trail({"cloud_watch_logs_role_arn": "arn:aws:iam::1:role/trail"}), ["cloud_watch_logs_group_arn"]),
		["cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn"],
	)
	check.deny == set() with input as fixtures.plan([t])
	check.unknown == {{"msg": "cloud_watch_logs_group_arn is unknown until apply", "resource": "aws_cloudtrail.main", "attribute": "cloud_watch_logs_group_arn"}} with input as fixtures.plan([t])
}
