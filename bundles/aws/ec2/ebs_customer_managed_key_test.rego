package tenet.aws.ec2.ebs_customer_managed_key_test

import rego.v1

import data.tenet.aws.ec2.ebs_customer_managed_key as check
import data.tenet.lib.fixtures

_vol(values) := fixtures.resource("aws_ebs_volume", "data", object.union({"availability_zone": "eu-west-1a", "size": 100, "encrypted": true}, values))

test_deny_left_out_in_plan if {
	v := fixtures.computed(_vol({}), ["kms_key_id"])
	check.deny == {{
		"msg": "kms_key_id is not set: the volume uses the AWS-managed key aws/ebs, or none",
		"resource": "aws_ebs_volume.data",
		"attribute": "kms_key_id",
	}} with input as fixtures.plan([v])
}

test_deny_empty_in_state if {
	{f.resource | some f in check.deny} == {"aws_ebs_volume.data"} with input as fixtures.state([_vol({"kms_key_id": ""})])
}

test_allow_customer_key if {
	known := _vol({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"})
	referenced := fixtures.with_refs(
		fixtures.with_unknown(fixtures.patch(_vol({}), {"address": "aws_ebs_volume.b"}), ["kms_key_id"]),
		{"kms_key_id": ["aws_kms_key.ebs"]},
	)
	inp := fixtures.plan([known, referenced])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_local if {
	v := fixtures.from_local(_vol({}), ["kms_key_id"])
	inp := fixtures.plan([v])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"kms_key_id"} with input as inp
}
