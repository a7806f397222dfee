package tenet.aws.cloudfront.access_logging_test

import rego.v1

import data.tenet.aws.cloudfront.access_logging as check
import data.tenet.lib.fixtures

_distribution(values) := fixtures.resource("aws_cloudfront_distribution", "cdn", object.union({"enabled": true, "arn": "arn:aws:cloudfront::1:distribution/E1"}, values))

test_deny_without_logging if {
	check.deny == {{"msg": "the distribution logs no viewer requests (no logging_config)", "resource": "aws_cloudfront_distribution.cdn", "attribute": "logging_config"}} with input as fixtures.plan([_distribution({"logging_config": []})])

	# A delivery source for another log type does not log requests.
	other := fixtures.resource("aws_cloudwatch_log_delivery_source", "conn", {"resource_arn": "arn:aws:cloudfront::1:distribution/E1", "log_type": "CONNECTION_LOGS"})
	count(check.deny) == 1 with input as fixtures.state([_distribution({}), other])
}

test_allow_logging if {
	s3 := _distribution({"logging_config": [{"bucket": "logs.s3.amazonaws.com", "include_cookies": false, "prefix": "cdn/"}]})
	pending := fixtures.with_unknown(fixtures.patch(_distribution({}), {"address": "aws_cloudfront_distribution.later"}), ["logging_config.0.bucket"])
	v2 := fixtures.patch(_distribution({"logging_config": []}), {"address": "aws_cloudfront_distribution.v2", "config_address": "aws_cloudfront_distribution.v2"})
	source := fixtures.points_at(fixtures.resource("aws_cloudwatch_log_delivery_source", "cdn", {"log_type": "ACCESS_LOGS", "name": "cdn"}), "resource_arn", v2)
	inp := fixtures.plan([s3, pending, v2, source])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_dynamic_block if {
	inp := fixtures.plan([fixtures.from_local(_distribution({}), ["logging_config"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "logging_config is unknown until apply", "resource": "aws_cloudfront_distribution.cdn", "attribute": "logging_config"}} with input as inp
}
