package tenet.aws.cloudtrail.multi_region_test

import rego.v1

import data.tenet.aws.cloudtrail.multi_region as check
import data.tenet.lib.fixtures

_trail(values) := fixtures.resource("aws_cloudtrail", "main", object.union({"name": "org-trail", "s3_bucket_name": "acme-logs"}, values))

test_deny_single_region_default if {
	check.deny == {{"msg": "the trail records a single region", "resource": "aws_cloudtrail.main", "attribute": "is_multi_region_trail"}} with input as fixtures.plan([_trail({})])
}

test_deny_global_events_off if {
	t := _trail({"is_multi_region_trail": true, "include_global_service_events": false})
	check.deny == {{"msg": "the trail leaves out global service events", "resource": "aws_cloudtrail.main", "attribute": "include_global_service_events"}} with input as fixtures.state([t])
}

test_allow_multi_region if {
	inp := fixtures.plan([
		_trail({"is_multi_region_trail": true, "include_global_service_events": true}),
		fixtures.patch(_trail({"is_multi_region_trail": true}), {"address": "aws_cloudtrail.other", "name": "other"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_deleted_trail_ignored if {
	check.deny == set() with input as fixtures.plan([fixtures.with_action(_trail({}), "delete")])
}

test_unknown_multi_region if {
	inp := fixtures.plan([fixtures.with_unknown(_trail({}), ["is_multi_region_trail"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "is_multi_region_trail is unknown until apply", "resource": "aws_cloudtrail.main", "attribute": "is_multi_region_trail"}} with input as inp
}

test_deny_without_unknown_when_another_flag_fails if {
	inp := fixtures.plan([fixtures.with_unknown(_trail({"is_multi_region_trail": false}), ["include_global_service_events"])])
	{f.attribute | some f in check.deny} == {"is_multi_region_trail"} with input as inp
	check.unknown == set() with input as inp
}
