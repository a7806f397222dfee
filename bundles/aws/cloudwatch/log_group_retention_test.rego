package tenet.aws.cloudwatch.log_group_retention_test

import rego.v1

import data.tenet.aws.cloudwatch.log_group_retention as check
import data.tenet.lib.fixtures

test_deny_short_retention if {
	g := fixtures.resource("aws_cloudwatch_log_group", "app", {"retention_in_days": 30})
	check.deny == {{"msg": "retention_in_days is 30, below 365", "resource": "aws_cloudwatch_log_group.app", "attribute": "retention_in_days"}} with input as fixtures.plan([g])
}

test_allow_year_forever_and_unset if {
	inp := fixtures.state([
		fixtures.resource("aws_cloudwatch_log_group", "a", {"retention_in_days": 400}),
		fixtures.resource("aws_cloudwatch_log_group", "b", {"retention_in_days": 0}),
		fixtures.resource("aws_cloudwatch_log_group", "c", {}),
	])
	check.deny == set() with input as inp
}

test_unknown_retention if {
	g := fixtures.with_unknown(fixtures.resource("aws_cloudwatch_log_group", "app", {}), ["retention_in_days"])
	check.deny == set() with input as fixtures.plan([g])
	{f.attribute | some f in check.unknown} == {"retention_in_days"} with input as fixtures.plan([g])
}
