package tenet.aws.elb.access_logs_test

import rego.v1

import data.tenet.aws.elb.access_logs as check
import data.tenet.lib.fixtures

_lb(type, name, values) := fixtures.resource(type, name, object.union({"name": name}, values))

test_deny_missing_disabled_or_bucketless if {
	inp := fixtures.plan([
		_lb("aws_lb", "none", {"access_logs": []}),
		_lb("aws_alb", "off", {"access_logs": [{"bucket": "logs", "enabled": false}]}),
		_lb("aws_lb", "empty", {"access_logs": [{"bucket": "", "enabled": true}]}),
		_lb("aws_elb", "classic", {}),
	])
	check.deny == {
		{"msg": "access_logs is not declared: requests are not logged", "resource": "aws_lb.none", "attribute": "access_logs"},
		{"msg": "access_logs.enabled is not true: requests are not logged", "resource": "aws_alb.off", "attribute": "access_logs"},
		{"msg": "access_logs.bucket is empty: requests are not logged", "resource": "aws_lb.empty", "attribute": "access_logs"},
		{"msg": "access_logs is not declared: requests are not logged", "resource": "aws_elb.classic", "attribute": "access_logs"},
	} with input as inp
}

test_unknown_bucket_through_local if {
	lb := fixtures.from_local(_lb("aws_lb", "web", {"access_logs": [{"enabled": true}]}), ["access_logs.0.bucket"])
	check.deny == set() with input as fixtures.plan([lb])
	{f.attribute | some f in check.unknown} == {"access_logs.bucket"} with input as fixtures.plan([lb])
}

test_unknown_block_through_local if {
	lb := fixtures.from_local(_lb("aws_lb", "web", {}), ["access_logs"])
	check.deny == set() with input as fixtures.plan([lb])
	{f.attribute | some f in check.unknown} == {"access_logs.enabled"} with input as fixtures.plan([lb])
}

test_allow_logging_and_gateway if {
	bucket_later := fixtures.with_refs(
		fixtures.with_unknown(_lb("aws_lb", "later", {"access_logs": [{"enabled": true}]}), ["access_logs.0.bucket"]),
		{"access_logs.bucket": ["aws_s3_bucket.logs"]},
	)
	inp := fixtures.plan([
		_lb("aws_lb", "web", {"access_logs": [{"bucket": "logs", "enabled": true}]}),
		_lb("aws_elb", "classic", {"access_logs": [{"bucket": "logs", "interval": 60}]}),
		_lb("aws_lb", "gwlb", {"load_balancer_type": "gateway"}),
		bucket_later,
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_enabled if {
	lb := fixtures.with_unknown(_lb("aws_lb", "web", {"access_logs": [{"bucket": "logs"}]}), ["access_logs.0.enabled"])
	inp := fixtures.plan([lb])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "access_logs.enabled is unknown until apply", "resource": "aws_lb.web", "attribute": "access_logs.enabled"}} with input as inp
}
