package tenet.aws.s3.versioning_test

import rego.v1

import data.tenet.aws.s3.versioning as check
import data.tenet.lib.fixtures

# A v4+ bucket on create: id, arn and the computed versioning block are unknown.
_new_bucket(name) := fixtures.with_unknown(
	fixtures.resource("aws_s3_bucket", name, {"bucket": sprintf("acme-%s", [name])}),
	["arn", "id", "versioning"],
)

_versioning(name, status) := fixtures.resource("aws_s3_bucket_versioning", name, {"versioning_configuration": [{"status": status, "mfa_delete": null}]})

_msg := "versioning is not enabled for the bucket"

test_deny_v4_bucket_without_versioning if {
	inp := fixtures.plan([_new_bucket("logs")])
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.logs"}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_suspended if {
	b := _new_bucket("logs")
	inp := fixtures.plan([b, fixtures.points_at(_versioning("logs", "Suspended"), "bucket", b)])
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.logs"}} with input as inp
}

test_deny_v3_inline_disabled if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"versioning": [{"enabled": false, "mfa_delete": false}]})
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.logs"}} with input as fixtures.plan([b])
}

test_allow_v3_inline_enabled if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"versioning": [{"enabled": true, "mfa_delete": false}]})
	check.deny == set() with input as fixtures.plan([b])
}

test_allow_v4_joined_by_refs if {
	b := _new_bucket("logs")
	inp := fixtures.plan([b, fixtures.points_at(_versioning("logs", "Enabled"), "bucket", b)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_v4_joined_by_value_in_state if {
	b := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "id": "acme-logs", "versioning": [{"enabled": false}]})
	v := fixtures.patch(_versioning("logs", "Enabled"), {"values": {"bucket": "acme-logs"}})
	check.deny == set() with input as fixtures.state([b, v])
}

test_allow_in_module if {
	b := fixtures.in_module(_new_bucket("this"), "module.logs[0]")
	v := fixtures.in_module(fixtures.points_at(_versioning("this", "Enabled"), "bucket", b), "module.logs[0]")
	check.deny == set() with input as fixtures.plan([b, v])
}

test_deny_count_instance_without_versioning if {
	b0 := fixtures.with_index(fixtures.resource("aws_s3_bucket", "this", {"bucket": "b-0", "id": "b-0"}), 0)
	b1 := fixtures.with_index(fixtures.resource("aws_s3_bucket", "this", {"bucket": "b-1", "id": "b-1"}), 1)
	v1 := fixtures.with_refs(
		fixtures.with_index(fixtures.patch(_versioning("this", "Enabled"), {"values": {"bucket": "b-1"}}), 1),
		{"bucket": ["aws_s3_bucket.this"]},
	)
	{f.resource | some f in check.deny} == {"aws_s3_bucket.this[0]"} with input as fixtures.plan([b0, b1, v1])
}

test_allow_deleted_bucket_ignored if {
	check.deny == set() with input as fixtures.plan([fixtures.with_action(_new_bucket("old"), "delete")])
}

test_unknown_status if {
	b := _new_bucket("logs")
	v := fixtures.with_unknown(fixtures.points_at(_versioning("logs", null), "bucket", b), ["versioning_configuration.0.status"])
	inp := fixtures.plan([b, v])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "versioning_configuration.status of aws_s3_bucket_versioning.logs is unknown until apply",
		"resource": "aws_s3_bucket.logs",
	}} with input as inp
}

test_unknown_v3_inline_flag if {
	b := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "logs", {"versioning": [{"mfa_delete": false}]}), ["versioning.0.enabled"])
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["aws_s3_bucket.logs", "versioning.enabled"]} with input as inp
}
