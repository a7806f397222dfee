package tenet.aws.cloudtrail.bucket_logging_test

import rego.v1

import data.tenet.aws.cloudtrail.bucket_logging as check
import data.tenet.lib.fixtures

_bucket := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "logs", {"bucket": "trail-logs"}), ["id", "logging"])

_trail := fixtures.points_at(fixtures.resource("aws_cloudtrail", "main", {"name": "main"}), "s3_bucket_name", _bucket)

test_deny_without_logging if {
	check.deny == {{"msg": "log bucket aws_s3_bucket.logs has no server access logging", "resource": "aws_cloudtrail.main", "attribute": "s3_bucket_name"}} with input as fixtures.plan([_bucket, _trail])
}

test_allow_logging if {
	l := fixtures.points_at(fixtures.resource("aws_s3_bucket_logging", "logs", {"target_bucket": "access-logs"}), "bucket", _bucket)
	check.deny == set() with input as fixtures.plan([_bucket, _trail, l])
}

test_allow_v3_inline_in_state if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "trail-logs", "id": "trail-logs", "logging": [{"target_bucket": "access-logs"}]})
	t := fixtures.resource("aws_cloudtrail", "main", {"s3_bucket_name": "trail-logs"})
	check.deny == set() with input as fixtures.state([b, t])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_bucket_name_through_local if {
	t := fixtures.from_local(fixtures.resource("aws_cloudtrail", "main", {"name": "main"}), ["s3_bucket_name"])
	inp := fixtures.plan([_bucket, t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"s3_bucket_name"} with input as inp
}
