package tenet.aws.cloudtrail.s3_data_events_test

import rego.v1

import data.tenet.aws.cloudtrail.s3_data_events as check
import data.tenet.lib.fixtures

_trail(name, values) := fixtures.resource("aws_cloudtrail", name, object.union({"name": name}, values))

_selector(rw) := {"event_selector": [{"read_write_type": rw, "include_management_events": true, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}

_advanced(extra) := {"advanced_event_selector": [{"name": "s3", "field_selector": array.concat(
	[
		{"field": "eventCategory", "equals": ["Data"]},
		{"field": "resources.type", "equals": ["AWS::S3::Object"]},
	],
	extra,
)}]}

test_deny_without_data_events if {
	check.deny == {{"msg": "no trail records S3 object-level read or write events", "resource": "aws_cloudtrail.main"}} with input as fixtures.plan([_trail("main", {"event_selector": []})])
}

test_deny_write_only if {
	{f.msg | some f in check.deny} == {"no trail records S3 object-level read events"} with input as fixtures.state([_trail("main", _selector("WriteOnly"))])
}

test_allow_all_selector if {
	check.deny == set() with input as fixtures.plan([_trail("main", _selector("All")), _trail("other", {})])
}

test_allow_read_and_write_across_trails if {
	check.deny == set() with input as fixtures.plan([_trail("r", _selector("ReadOnly")), _trail("w", _advanced([{"field": "readOnly", "equals": ["false"]}]))])
}

test_allow_advanced_selector if {
	check.deny == set() with input as fixtures.plan([_trail("main", _advanced([]))])
}

test_unknown_selector if {
	t := fixtures.with_unknown(_trail("main", {}), ["advanced_event_selector"])
	check.deny == set() with input as fixtures.plan([t])
	{f.attribute | some f in check.unknown} == {"advanced_event_selector"} with input as fixtures.plan([t])
}

test_deny_advanced_read_only if {
	t := _trail("main", _advanced([{"field": "readOnly", "equals": ["true"]}]))
	{f.msg | some f in check.deny} == {"no trail records S3 object-level write events"} with input as fixtures.plan([t])
}

test_unknown_read_write_type if {
	t := fixtures.with_unknown(_trail("main", {"event_selector": [{"include_management_events": true, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}), ["event_selector.0.read_write_type"])
	check.deny == set() with input as fixtures.plan([t])
	check.unknown == {{"msg": "event_selector is unknown until apply", "resource": "aws_cloudtrail.main", "attribute": "event_selector"}} with input as fixtures.plan([t])
}
