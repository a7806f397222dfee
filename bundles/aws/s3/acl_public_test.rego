package tenet.aws.s3.acl_public_test

import rego.v1

import data.tenet.aws.s3.acl_public as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.computed(fixtures.with_configured(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["bucket"]), ["acl", "grant", "id"])

test_deny_v4_public_read if {
	b := _bucket("site")
	acl := fixtures.points_at(fixtures.resource("aws_s3_bucket_acl", "site", {"acl": "public-read"}), "bucket", b)
	check.deny == {{"msg": `aws_s3_bucket_acl.site: acl is "public-read"`, "resource": "aws_s3_bucket.site"}} with input as fixtures.plan([b, acl])
}

test_deny_v3_inline_acl if {
	b := fixtures.resource("aws_s3_bucket", "old", {"bucket": "old", "acl": "public-read-write"})
	check.deny == {{"msg": `aws_s3_bucket.old: acl is "public-read-write"`, "resource": "aws_s3_bucket.old"}} with input as fixtures.state([b])
}

test_deny_grant_to_all_users if {
	b := fixtures.resource("aws_s3_bucket", "old", {"bucket": "old", "grant": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "permissions": ["READ"]}]})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.old"} with input as fixtures.state([b])
}

test_unknown_bucket_acl_through_local if {
	b := fixtures.from_local(fixtures.resource("aws_s3_bucket", "data", {"bucket": "data"}), ["acl"])
	check.deny == set() with input as fixtures.plan([b])
	check.unknown == {{"msg": "acl is unknown until apply", "resource": "aws_s3_bucket.data", "attribute": "acl"}} with input as fixtures.plan([b])
}

test_allow_private if {
	b := _bucket("data")
	acl := fixtures.points_at(fixtures.resource("aws_s3_bucket_acl", "data", {"acl": "private"}), "bucket", b)
	check.deny == set() with input as fixtures.plan([b, acl])
	check.unknown == set() with input as fixtures.plan([b, acl])
}

test_unknown_acl if {
	b := _bucket("data")
	acl := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_s3_bucket_acl", "data", {}), "bucket", b), ["acl"])
	check.deny == set() with input as fixtures.plan([b, acl])
	check.unknown == {{"msg": "acl of aws_s3_bucket_acl.data is unknown until apply", "resource": "aws_s3_bucket.data"}} with input as fixtures.plan([b, acl])
}
