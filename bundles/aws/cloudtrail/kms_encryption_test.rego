package tenet.aws.cloudtrail.kms_encryption_test

import rego.v1

import data.tenet.aws.cloudtrail.kms_encryption as check
import data.tenet.lib.fixtures

_trail(values) := fixtures.resource("aws_cloudtrail", "main", object.union({"name": "main"}, values))

test_deny_without_key if {
	check.deny == {{"msg": "log files are not encrypted with a KMS key (kms_key_id is empty)", "resource": "aws_cloudtrail.main", "attribute": "kms_key_id"}} with input as fixtures.plan([_trail({"kms_key_id": null})])
}

test_deny_empty_key_in_state if {
	{f.resource | some f in check.deny} == {"aws_cloudtrail.main"} with input as fixtures.state([_trail({"kms_key_id": ""})])
}

test_allow_key if {
	check.deny == set() with input as fixtures.state([_trail({"kms_key_id": "arn:aws:kms:eu-west-1:1:key/k"})])
}

test_allow_key_by_reference if {
	t := fixtures.points_at(_trail({"kms_key_id": ""}), "kms_key_id", fixtures.resource("aws_kms_key", "trail", {}))
	check.deny == set() with input as fixtures.plan([t])
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_key_through_local if {
	local := fixtures.from_local(_trail({}), ["kms_key_id"])
	referenced := fixtures.points_at(fixtures.patch(_trail({}), {"address": "aws_cloudtrail.other"}), "kms_key_id", fixtures.resource("aws_kms_key", "k", {}))
	inp := fixtures.plan([local, referenced])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_cloudtrail.main"} with input as inp
}
