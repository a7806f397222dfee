package tenet.aws.s3.ownership_enforced_test

import rego.v1

import data.tenet.aws.s3.ownership_enforced as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id"])

_controls(b, ownership) := fixtures.points_at(fixtures.resource("aws_s3_bucket_ownership_controls", b.name, {"rule": [{"object_ownership": ownership}]}), "bucket", b)

test_deny_object_writer if {
	b := _bucket("d")
	check.deny == {{"msg": `aws_s3_bucket_ownership_controls.d sets object_ownership "ObjectWriter", which keeps ACLs enabled`, "resource": "aws_s3_bucket.d"}} with input as fixtures.plan([b, _controls(b, "ObjectWriter")])
}

test_deny_bucket_owner_preferred if {
	b := _bucket("d")
	{f.resource | some f in check.deny} == {"aws_s3_bucket.d"} with input as fixtures.plan([b, _controls(b, "BucketOwnerPreferred")])
}

test_allow_enforced_and_default if {
	b := _bucket("d")
	check.deny == set() with input as fixtures.plan([b, _controls(b, "BucketOwnerEnforced"), _bucket("e")])
}

test_unknown_ownership if {
	b := _bucket("d")
	c := fixtures.with_unknown(_controls(b, null), ["rule.0.object_ownership"])
	check.deny == set() with input as fixtures.plan([b, c])
	{f.resource | some f in check.unknown} == {"aws_s3_bucket.d"} with input as fixtures.plan([b, c])
}
