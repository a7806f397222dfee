package tenet.aws.s3.kms_encryption_test

import rego.v1

import data.tenet.aws.s3.kms_encryption as check
import data.tenet.lib.fixtures

_msg := "default encryption does not use a customer-managed KMS key (sse_algorithm aws:kms with kms_master_key_id)"

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id", "server_side_encryption_configuration"])

_enc(b, by_default) := fixtures.points_at(
	fixtures.resource("aws_s3_bucket_server_side_encryption_configuration", b.name, {"rule": [{"apply_server_side_encryption_by_default": [by_default]}]}),
	"bucket", b,
)

test_deny_sse_s3 if {
	b := _bucket("data")
	check.deny == {{"msg": _msg, "resource": "aws_s3_bucket.data"}} with input as fixtures.plan([b, _enc(b, {"sse_algorithm": "AES256"})])
}

test_deny_aws_managed_key if {
	b := _bucket("data")
	{f.resource | some f in check.deny} == {"aws_s3_bucket.data"} with input as fixtures.plan([b, _enc(b, {"sse_algorithm": "aws:kms", "kms_master_key_id": null})])
}

test_deny_without_configuration if {
	{f.resource | some f in check.deny} == {"aws_s3_bucket.data"} with input as fixtures.plan([_bucket("data")])
}

test_allow_cmk_by_reference if {
	b := _bucket("data")
	enc := fixtures.with_unknown(_enc(b, {"sse_algorithm": "aws:kms"}), ["rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id"])
	inp := fixtures.plan([b, enc])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_v3_inline_cmk if {
	b := fixtures.resource("aws_s3_bucket", "old", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms:dsse", "kms_master_key_id": "arn:aws:kms:eu-west-1:1:key/k"}]}]}]})
	check.deny == set() with input as fixtures.state([b])
}

test_unknown_algorithm if {
	b := _bucket("data")
	enc := fixtures.with_unknown(_enc(b, {}), ["rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"])
	inp := fixtures.plan([b, enc])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "sse_algorithm of aws_s3_bucket_server_side_encryption_configuration.data is unknown until apply", "resource": "aws_s3_bucket.data"}} with input as inp
}
