package tenet.aws.dynamodb.customer_managed_key_test

import rego.v1

import data.tenet.aws.dynamodb.customer_managed_key as check
import data.tenet.lib.fixtures

_table(values) := fixtures.resource("aws_dynamodb_table", "orders", object.union({"name": "orders"}, values))

test_deny_default_encryption if {
	t := fixtures.computed(_table({}), ["server_side_encryption"])
	check.deny == {{
		"msg": "server_side_encryption.enabled is not true: the table uses an AWS-owned key",
		"resource": "aws_dynamodb_table.orders",
		"attribute": "server_side_encryption.enabled",
	}} with input as fixtures.plan([t])
}

test_deny_aws_managed_key if {
	t := fixtures.computed(fixtures.with_configured(_table({"server_side_encryption": [{"enabled": true}]}), ["server_side_encryption.enabled"]), ["server_side_encryption.0.kms_key_arn"])
	check.deny == {{
		"msg": "server_side_encryption.kms_key_arn is not set: the table uses the AWS-managed key",
		"resource": "aws_dynamodb_table.orders",
		"attribute": "server_side_encryption.kms_key_arn",
	}} with input as fixtures.plan([t])
}

test_allow_customer_key if {
	known := _table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}]})
	referenced := fixtures.with_refs(
		fixtures.with_unknown(fixtures.patch(_table({"server_side_encryption": [{"enabled": true}]}), {"address": "aws_dynamodb_table.b"}), ["server_side_encryption.0.kms_key_arn"]),
		{"server_side_encryption.kms_key_arn": ["aws_kms_key.ddb"]},
	)
	inp := fixtures.plan([known, referenced])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_key_through_local if {
	t := fixtures.from_local(_table({"server_side_encryption": [{"enabled": true}]}), ["server_side_encryption.0.kms_key_arn"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"server_side_encryption.kms_key_arn"} with input as inp
}

test_unknown_block_through_local if {
	t := fixtures.from_local(_table({}), ["server_side_encryption"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"server_side_encryption.enabled"} with input as inp
}

test_unknown_enabled if {
	t := fixtures.with_unknown(_table({"server_side_encryption": [{"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}]}), ["server_side_encryption.0.enabled"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"server_side_encryption.enabled"} with input as inp
}
