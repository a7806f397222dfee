package tenet.aws.s3.encryption_test

import rego.v1

import data.tenet.aws.s3.encryption as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.resource("aws_s3_bucket", name, {"bucket": sprintf("acme-%s", [name])})

# A v4+ bucket on create: id, arn and the computed inline block are unknown.
_new_bucket(name) := fixtures.with_unknown(_bucket(name), ["arn", "id", "server_side_encryption_configuration"])

_enc(name, algorithm) := fixtures.resource("aws_s3_bucket_server_side_encryption_configuration", name, {"rule": [{
	"apply_server_side_encryption_by_default": [{"sse_algorithm": algorithm, "kms_master_key_id": null}],
	"bucket_key_enabled": null,
}]})

_inline(algorithm) := {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": algorithm}]}]}]}

_msg := "no default encryption (AES256, aws:kms or aws:kms:dsse) is configured for the bucket"

test_deny_v4_bucket_without_configuration if {
	inp := fixtures.plan([_new_bucket("logs")])
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.logs"}} with input as inp
	check.unknown == set() with input as inp
}

test_deny_when_configuration_points_at_another_bucket if {
	logs := _new_bucket("logs")
	web := _new_bucket("web")
	inp := fixtures.plan([logs, web, fixtures.points_at(_enc("web", "AES256"), "bucket", web)])
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.logs"}} with input as inp
}

test_deny_when_configuration_is_deleted if {
	b := _new_bucket("logs")
	enc := fixtures.with_action(fixtures.points_at(_enc("logs", "AES256"), "bucket", b), "delete")
	{f.resource | some f in check.deny} == {"aws_s3_bucket.logs"} with input as fixtures.plan([b, enc])
}

test_deny_state_without_matching_configuration if {
	b := fixtures.patch(_bucket("logs"), {"values": {"id": "acme-logs"}})
	enc := fixtures.patch(_enc("other", "AES256"), {"values": {"bucket": "acme-other"}})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.logs"} with input as fixtures.state([b, enc])
}

test_allow_v3_inline_block if {
	b := fixtures.patch(_bucket("logs"), {"values": _inline("AES256")})
	check.deny == set() with input as fixtures.plan([b])
	check.unknown == set() with input as fixtures.plan([b])
}

test_deny_v3_inline_block_with_invalid_algorithm if {
	b := fixtures.patch(_bucket("logs"), {"values": _inline("none")})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.logs"} with input as fixtures.plan([b])
}

test_allow_v4_configuration_joined_by_refs if {
	b := _new_bucket("logs")
	inp := fixtures.plan([b, fixtures.points_at(_enc("logs", "aws:kms"), "bucket", b)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_v4_configuration_joined_by_value_in_state if {
	b := fixtures.patch(_bucket("logs"), {"values": {"id": "acme-logs"}})
	enc := fixtures.patch(_enc("logs", "aws:kms:dsse"), {"values": {"bucket": "acme-logs"}})
	check.deny == set() with input as fixtures.state([b, enc])
}

test_allow_in_module if {
	b := fixtures.in_module(_new_bucket("this"), "module.logs[0]")
	enc := fixtures.in_module(fixtures.points_at(_enc("this", "AES256"), "bucket", b), "module.logs[0]")
	enc.refs.bucket == ["module.logs.aws_s3_bucket.this"]
	check.deny == set() with input as fixtures.plan([b, enc])
}

test_deny_in_module_reports_instance_address if {
	b := fixtures.in_module(_new_bucket("this"), "module.logs[0]")
	{f.resource | some f in check.deny} == {"module.logs[0].aws_s3_bucket.this"} with input as fixtures.plan([b])
}

test_allow_count_instances if {
	b0 := fixtures.with_index(_new_bucket("this"), 0)
	b1 := fixtures.with_index(_new_bucket("this"), 1)
	e0 := fixtures.with_index(fixtures.points_at(_enc("this", "AES256"), "bucket", b0), 0)
	e1 := fixtures.with_index(fixtures.points_at(_enc("this", "AES256"), "bucket", b1), 1)
	check.deny == set() with input as fixtures.plan([b0, b1, e0, e1])
}

test_deny_count_instances_each if {
	b0 := fixtures.with_index(_new_bucket("this"), 0)
	b1 := fixtures.with_index(_new_bucket("this"), 1)
	{f.resource | some f in check.deny} == {"aws_s3_bucket.this[0]", "aws_s3_bucket.this[1]"} with input as fixtures.plan([b0, b1])
}

test_deny_count_instance_whose_known_bucket_differs if {
	b0 := fixtures.with_index(fixtures.patch(_bucket("this"), {"values": {"bucket": "b-0", "id": "b-0"}}), 0)
	b1 := fixtures.with_index(fixtures.patch(_bucket("this"), {"values": {"bucket": "b-1", "id": "b-1"}}), 1)
	e1 := fixtures.with_refs(
		fixtures.with_index(fixtures.patch(_enc("this", "AES256"), {"values": {"bucket": "b-1"}}), 1),
		{"bucket": ["aws_s3_bucket.this"]},
	)
	{f.resource | some f in check.deny} == {"aws_s3_bucket.this[0]"} with input as fixtures.plan([b0, b1, e1])
}

test_allow_deleted_bucket_ignored if {
	b := fixtures.with_action(_bucket("old"), "delete")
	check.deny == set() with input as fixtures.plan([b])
}

test_unknown_algorithm_in_separate_configuration if {
	b := _new_bucket("logs")
	enc := fixtures.with_unknown(
		fixtures.points_at(_enc("logs", null), "bucket", b),
		["rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"],
	)
	inp := fixtures.plan([b, enc])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "sse_algorithm of aws_s3_bucket_server_side_encryption_configuration.logs is unknown until apply",
		"resource": "aws_s3_bucket.logs",
	}} with input as inp
}

test_unknown_algorithm_in_v3_inline_block if {
	b := fixtures.with_unknown(
		fixtures.patch(_bucket("logs"), {"values": _inline(null)}),
		["server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"],
	)
	inp := fixtures.plan([b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {[
		"aws_s3_bucket.logs",
		"server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm",
	]} with input as inp
}
