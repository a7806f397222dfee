package tenet.aws.cloudwatch.alarm_security_group_changes_test

import rego.v1

import data.tenet.aws.cloudwatch.alarm_security_group_changes as check
import data.tenet.lib.fixtures

_group := fixtures.with_unknown(fixtures.resource("aws_cloudwatch_log_group", "trail", {"name": "trail"}), ["arn"])

_trail := fixtures.points_at(fixtures.resource("aws_cloudtrail", "main", {"name": "main", "is_multi_region_trail": true}), "cloud_watch_logs_group_arn", _group)

_topic := fixtures.with_unknown(fixtures.resource("aws_sns_topic", "alerts", {"name": "alerts"}), ["arn"])

_chain(pattern) := [
	_group,
	_trail,
	fixtures.with_refs(
		fixtures.resource("aws_cloudwatch_log_metric_filter", "f", {"log_group_name": "trail", "pattern": pattern, "metric_transformation": [{"name": "M", "namespace": "CIS"}]}),
		{"log_group_name": ["aws_cloudwatch_log_group.trail"]},
	),
	_topic,
	fixtures.points_at(fixtures.resource("aws_cloudwatch_metric_alarm", "a", {"metric_name": "M", "namespace": "CIS"}), "alarm_actions", _topic),
	fixtures.points_at(fixtures.resource("aws_sns_topic_subscription", "s", {"protocol": "email"}), "topic_arn", _topic),
]

test_deny_filter_missing_an_event if {
	check.deny == {{
		"msg": "no metric filter on the trail's log group matches security group changes",
		"resource": "aws_cloudtrail.main",
		"attribute": "cloud_watch_logs_group_arn",
	}} with input as fixtures.plan(_chain("{ ($.x = \"AuthorizeSecurityGroupIngress\") || ($.x = \"AuthorizeSecurityGroupEgress\") || ($.x = \"RevokeSecurityGroupIngress\") || ($.x = \"RevokeSecurityGroupEgress\") || ($.x = \"CreateSecurityGroup\") }"))
}

test_deny_trail_without_log_group if {
	t := fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true, "cloud_watch_logs_group_arn": null})
	{f.resource | some f in check.deny} == {"aws_cloudtrail.main"} with input as fixtures.state([t])
}

test_allow_complete_chain if {
	check.deny == set() with input as fixtures.plan(_chain("{ ($.x = \"AuthorizeSecurityGroupIngress\") || ($.x = \"AuthorizeSecurityGroupEgress\") || ($.x = \"RevokeSecurityGroupIngress\") || ($.x = \"RevokeSecurityGroupEgress\") || ($.x = \"CreateSecurityGroup\") || ($.x = \"DeleteSecurityGroup\") }"))
	check.unknown == set() with input as fixtures.plan(_chain("{ ($.x = \"AuthorizeSecurityGroupIngress\") || ($.x = \"AuthorizeSecurityGroupEgress\") || ($.x = \"RevokeSecurityGroupIngress\") || ($.x = \"RevokeSecurityGroupEgress\") || ($.x = \"CreateSecurityGroup\") || ($.x = \"DeleteSecurityGroup\") }"))
}

test_unknown_pattern if {
	inp := fixtures.plan([fixtures.with_unknown(r, ["pattern"]) | some r in _chain(null)])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_cloudtrail.main"} with input as inp
}
