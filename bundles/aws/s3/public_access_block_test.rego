package tenet.aws.s3.public_access_block_test

import rego.v1

import data.tenet.aws.s3.public_access_block as check
import data.tenet.lib.fixtures

_all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

_new_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": sprintf("acme-%s", [name])}), ["arn", "id"])

_block(name, flags) := fixtures.resource("aws_s3_bucket_public_access_block", name, flags)

test_deny_bucket_without_block if {
	inp := fixtures.plan([_new_bucket("logs")])
	check.deny == {{"msg": "no aws_s3_bucket_public_access_block applies to the bucket", "resource": "aws_s3_bucket.logs"}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_block_with_flags_off if {
	b := _new_bucket("logs")
	block := fixtures.points_at(_block("logs", {"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": true}), "bucket", b)
	check.deny == {{
		"msg": "aws_s3_bucket_public_access_block.logs leaves block_public_policy, restrict_public_buckets off",
		"resource": "aws_s3_bucket.logs",
	}} with input as fixtures.plan([b, block])
}

test_allow_v3_and_v4_block_joined_by_refs if {
	b := _new_bucket("logs")
	inp := fixtures.plan([b, fixtures.points_at(_block("logs", _all_on), "bucket", b)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_block_joined_by_value_in_state if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "id": "acme-logs"})
	block := _block("logs", object.union(_all_on, {"bucket": "acme-logs"}))
	check.deny == set() with input as fixtures.state([b, block])
}

test_deny_state_block_of_another_bucket if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "id": "acme-logs"})
	block := _block("web", object.union(_all_on, {"bucket": "acme-web"}))
	{f.resource | some f in check.deny} == {"aws_s3_bucket.logs"} with input as fixtures.state([b, block])
}

test_allow_in_module if {
	b := fixtures.in_module(_new_bucket("this"), "module.assets")
	block := fixtures.in_module(fixtures.points_at(_block("this", _all_on), "bucket", b), "module.assets")
	check.deny == set() with input as fixtures.plan([b, block])
}

test_deny_count_instances_each if {
	b0 := fixtures.with_index(_new_bucket("this"), 0)
	b1 := fixtures.with_index(_new_bucket("this"), 1)
	{f.resource | some f in check.deny} == {"aws_s3_bucket.this[0]", "aws_s3_bucket.this[1]"} with input as fixtures.plan([b0, b1])
}

test_allow_count_instances if {
	b0 := fixtures.with_index(_new_bucket("this"), 0)
	b1 := fixtures.with_index(_new_bucket("this"), 1)
	p0 := fixtures.with_index(fixtures.points_at(_block("this", _all_on), "bucket", b0), 0)
	p1 := fixtures.with_index(fixtures.points_at(_block("this", _all_on), "bucket", b1), 1)
	check.deny == set() with input as fixtures.plan([b0, b1, p0, p1])
}

test_allow_deleted_bucket_ignored if {
	check.deny == set() with input as fixtures.plan([fixtures.with_action(_new_bucket("old"), "delete")])
}

test_unknown_flags if {
	b := _new_bucket("logs")
	block := fixtures.with_unknown(
		fixtures.points_at(_block("logs", {"block_public_acls": true, "block_public_policy": true}), "bucket", b),
		["ignore_public_acls", "restrict_public_buckets"],
	)
	inp := fixtures.plan([b, block])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "ignore_public_acls, restrict_public_buckets of aws_s3_bucket_public_access_block.logs is unknown until apply",
		"resource": "aws_s3_bucket.logs",
	}} with input as inp
}

test_deny_when_a_known_flag_is_off_despite_unknown_ones if {
	b := _new_bucket("logs")
	block := fixtures.with_unknown(
		fixtures.points_at(_block("logs", {"block_public_acls": false, "block_public_policy": true, "ignore_public_acls": true}), "bucket", b),
		["restrict_public_buckets"],
	)
	inp := fixtures.plan([b, block])
	{f.msg | some f in check.deny} == {"aws_s3_bucket_public_access_block.logs leaves block_public_acls off"} with input as inp
	check.unknown == set() with input as inp
}
