package tenet.lib.cloudwatch_test

import rego.v1

import data.tenet.lib.cloudwatch
import data.tenet.lib.fixtures

_group := fixtures.with_unknown(fixtures.resource("aws_cloudwatch_log_group", "trail", {"name": "trail"}), ["arn"])

_trail := fixtures.points_at(fixtures.resource("aws_cloudtrail", "main", {"name": "main", "is_multi_region_trail": true}), "cloud_watch_logs_group_arn", _group)

_filter(pattern) := fixtures.with_refs(
	fixtures.resource("aws_cloudwatch_log_metric_filter", "f", {"log_group_name": "trail", "pattern": pattern, "metric_transformation": [{"name": "M", "namespace": "CIS", "value": "1"}]}),
	{"log_group_name": ["aws_cloudwatch_log_group.trail"]},
)

_topic := fixtures.with_unknown(fixtures.resource("aws_sns_topic", "alerts", {"name": "alerts"}), ["arn"])

_alarm := fixtures.points_at(fixtures.resource("aws_cloudwatch_metric_alarm", "a", {"metric_name": "M", "namespace": "CIS"}), "alarm_actions", _topic)

_subscription := fixtures.points_at(fixtures.resource("aws_sns_topic_subscription", "s", {"protocol": "email"}), "topic_arn", _topic)

_pattern := `{ ($.eventName = DeleteTrail) || ($.eventName = StopLogging) }`

_tokens := ["DeleteTrail", "StopLogging"]

test_complete_chain if {
	inp := fixtures.plan([_group, _trail, _filter(_pattern), _topic, _alarm, _subscription])
	cloudwatch.deny(_tokens, "trail changes") == set() with input as inp
	cloudwatch.unknown(_tokens, "trail changes") == set() with input as inp
}

test_each_missing_link if {
	cloudwatch.deny(_tokens, "trail changes") == {{
		"msg": "no metric filter on the trail's log group matches trail changes",
		"resource": "aws_cloudtrail.main",
		"attribute": "cloud_watch_logs_group_arn",
	}} with input as fixtures.plan([_group, _trail, _filter(`{ $.eventName = DeleteTrail }`), _topic, _alarm, _subscription])
	{f.msg | some f in cloudwatch.deny(_tokens, "trail changes")} == {"no metric alarm watches the metric of the filter for trail changes"} with input as fixtures.plan([_group, _trail, _filter(_pattern)])
	{f.msg | some f in cloudwatch.deny(_tokens, "trail changes")} == {"no alarm for trail changes notifies an SNS topic that has a subscriber"} with input as fixtures.plan([_group, _trail, _filter(_pattern), _topic, _alarm])
	t := fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true})
	{f.msg | some f in cloudwatch.deny(_tokens, "trail changes")} == {"the trail sends no events to CloudWatch Logs, so no alarm can watch for trail changes"} with input as fixtures.plan([t])
}

test_whole_words_only if {
	inp := fixtures.plan([_group, _trail, _filter(`{ ($.eventName = DeleteTrailX) || ($.eventName = StopLogging) }`), _topic, _alarm, _subscription])
	count(cloudwatch.deny(_tokens, "trail changes")) == 1 with input as inp
}

test_state_joined_by_name_with_external_topic if {
	t := fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true, "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*"})
	f := fixtures.resource("aws_cloudwatch_log_metric_filter", "f", {"log_group_name": "trail", "pattern": _pattern, "metric_transformation": [{"name": "M", "namespace": "CIS"}]})
	a := fixtures.resource("aws_cloudwatch_metric_alarm", "a", {"metric_name": "M", "namespace": "CIS", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:security"]})
	cloudwatch.group_names(t) == {"trail"}
	cloudwatch.deny(_tokens, "trail changes") == set() with input as fixtures.state([t, f, a])
}

test_single_region_trail_not_judged if {
	t := fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": false})
	cloudwatch.deny(_tokens, "trail changes") == set() with input as fixtures.plan([t])
}

test_unknown_pattern if {
	f := fixtures.with_unknown(object.union(_filter(null), {"values": {"pattern": null}}), ["pattern"])
	inp := fixtures.plan([_group, _trail, f, _topic, _alarm, _subscription])
	cloudwatch.deny(_tokens, "trail changes") == set() with input as inp
	{f.resource | some f in cloudwatch.unknown(_tokens, "trail changes")} == {"aws_cloudtrail.main"} with input as inp
}

test_state_subscription_by_topic_arn if {
	t := fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true, "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:1:log-group:trail:*"})
	f := fixtures.resource("aws_cloudwatch_log_metric_filter", "f", {"log_group_name": "trail", "pattern": _pattern, "metric_transformation": [{"name": "M", "namespace": "CIS"}]})
	topic := fixtures.resource("aws_sns_topic", "alerts", {"arn": "arn:aws:sns:eu-west-1:1:alerts"})
	a := fixtures.resource("aws_cloudwatch_metric_alarm", "a", {"metric_name": "M", "namespace": "CIS", "alarm_actions": ["arn:aws:sns:eu-west-1:1:alerts"]})
	{f.msg | some f in cloudwatch.deny(_tokens, "trail changes")} == {"no alarm for trail changes notifies an SNS topic that has a subscriber"} with input as fixtures.state([t, f, topic, a])
	s := fixtures.resource("aws_sns_topic_subscription", "s", {"topic_arn": "arn:aws:sns:eu-west-1:1:alerts"})
	cloudwatch.deny(_tokens, "trail changes") == set() with input as fixtures.state([t, f, topic, a, s])
}

test_unknown_group_arn_without_reference if {
	t := fixtures.with_unknown(fixtures.resource("aws_cloudtrail", "main", {"is_multi_region_trail": true}), ["cloud_watch_logs_group_arn"])
	cloudwatch.deny(_tokens, "trail changes") == set() with input as fixtures.plan([t])
	count(cloudwatch.unknown(_tokens, "trail changes")) == 1 with input as fixtures.plan([t])
}
