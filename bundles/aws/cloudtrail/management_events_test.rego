package tenet.aws.cloudtrail.management_events_test

import rego.v1

import data.tenet.aws.cloudtrail.management_events as check
import data.tenet.lib.fixtures

_trail(values) := fixtures.resource("aws_cloudtrail", "main", object.union({"name": "main"}, values))

test_deny_logging_off if {
	check.deny == {{"msg": "enable_logging is false: the trail records nothing", "resource": "aws_cloudtrail.main", "attribute": "enable_logging"}} with input as fixtures.plan([_trail({"enable_logging": false})])
}

test_deny_management_events_excluded if {
	t := _trail({"event_selector": [{"include_management_events": false, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})
	{f.attribute | some f in check.deny} == {"event_selector"} with input as fixtures.state([t])
}

test_deny_advanced_data_only if {
	t := _trail({"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}]}]})
	{f.attribute | some f in check.deny} == {"advanced_event_selector"} with input as fixtures.plan([t])
}

test_allow_defaults_and_management if {
	check.deny == set() with input as fixtures.plan([_trail({"enable_logging": true, "event_selector": []})])
	t := _trail({"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]})
	check.deny == set() with input as fixtures.plan([t])
	check.deny == set() with input as fixtures.plan([_trail({"event_selector": [{"include_management_events": true}, {"include_management_events": false}]})])
}

test_unknown_enable_logging if {
	t := fixtures.with_unknown(_trail({}), ["enable_logging"])
	check.deny == set() with input as fixtures.plan([t])
	{f.attribute | some f in check.unknown} == {"enable_logging"} with input as fixtures.plan([t])
}
