package tenet.aws.cloudtrail.bucket_not_public_test

import rego.v1

import data.tenet.aws.cloudtrail.bucket_not_public as check
import data.tenet.lib.fixtures

_all := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

_bucket := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "logs", {"bucket": "trail-logs"}), ["id", "acl", "grant", "policy"])

_trail := fixtures.points_at(fixtures.resource("aws_cloudtrail", "main", {"name": "main"}), "s3_bucket_name", _bucket)

_pab(flags) := fixtures.points_at(fixtures.resource("aws_s3_bucket_public_access_block", "logs", flags), "bucket", _bucket)

test_deny_without_public_access_block if {
	check.deny == {{"msg": "log bucket aws_s3_bucket.logs has no public access block with all four flags true", "resource": "aws_cloudtrail.main", "attribute": "s3_bucket_name"}} with input as fixtures.plan([_bucket, _trail])
}

test_deny_public_policy if {
	p := fixtures.points_at(fixtures.resource("aws_s3_bucket_policy", "logs", {"policy": `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}`}), "bucket", _bucket)
	{f.msg | some f in check.deny} == {"log bucket aws_s3_bucket.logs has a policy that allows any principal (aws_s3_bucket_policy.logs)"} with input as fixtures.plan([_bucket, _trail, _pab(_all), p])
}

test_deny_public_acl_in_state_joined_by_name if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "trail-logs", "id": "trail-logs", "acl": "public-read"})
	t := fixtures.resource("aws_cloudtrail", "main", {"name": "main", "s3_bucket_name": "trail-logs"})
	pab := fixtures.resource("aws_s3_bucket_public_access_block", "logs", object.union(_all, {"bucket": "trail-logs"}))
	{f.msg | some f in check.deny} == {`log bucket aws_s3_bucket.logs has a public ACL (aws_s3_bucket.logs: acl is "public-read")`} with input as fixtures.state([b, t, pab])
}

test_allow_private_bucket if {
	check.deny == set() with input as fixtures.plan([_bucket, _trail, _pab(_all)])
	check.unknown == set() with input as fixtures.plan([_bucket, _trail, _pab(_all)])
}

test_allow_bucket_outside_input if {
	t := fixtures.resource("aws_cloudtrail", "main", {"name": "main", "s3_bucket_name": "central-logs"})
	check.deny == set() with input as fixtures.plan([t])
}

test_unknown_block_flag if {
	pab := fixtures.with_unknown(_pab(object.remove(_all, {"block_public_policy"})), ["block_public_policy"])
	check.deny == set() with input as fixtures.plan([_bucket, _trail, pab])
	check.unknown == {{"msg": "public access block flags of aws_s3_bucket_public_access_block.logs is unknown until apply", "resource": "aws_cloudtrail.main"}} with input as fixtures.plan([_bucket, _trail, pab])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_bucket_name_through_local if {
	t := fixtures.from_local(fixtures.resource("aws_cloudtrail", "main", {"name": "main"}), ["s3_bucket_name"])
	inp := fixtures.plan([_bucket, t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"s3_bucket_name"} with input as inp
}
