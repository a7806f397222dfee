package tenet.aws.ecr.customer_managed_key_test

import rego.v1

import data.tenet.aws.ecr.customer_managed_key as check
import data.tenet.lib.fixtures

_repo(values) := fixtures.resource("aws_ecr_repository", "app", object.union({"name": "app"}, values))

_key_arn := "arn:aws:kms:eu-west-1:111122223333:key/abc"

test_deny_default_in_plan if {
	r := fixtures.computed(_repo({}), ["encryption_configuration"])
	check.deny == {{
		"msg": "encryption_configuration.encryption_type is \"AES256\": images are encrypted with an AWS-owned key",
		"resource": "aws_ecr_repository.app",
		"attribute": "encryption_configuration.encryption_type",
	}} with input as fixtures.plan([r])
}

test_deny_aes256_in_state if {
	r := _repo({"encryption_configuration": [{"encryption_type": "AES256", "kms_key": ""}]})
	{f.attribute | some f in check.deny} == {"encryption_configuration.encryption_type"} with input as fixtures.state([r])
}

test_deny_aws_managed_key if {
	r := fixtures.computed(fixtures.with_configured(_repo({"encryption_configuration": [{"encryption_type": "KMS"}]}), ["encryption_configuration.encryption_type"]), ["encryption_configuration.0.kms_key"])
	check.deny == {{
		"msg": "encryption_configuration.kms_key is not set: the repository uses the AWS-managed key aws/ecr",
		"resource": "aws_ecr_repository.app",
		"attribute": "encryption_configuration.kms_key",
	}} with input as fixtures.plan([r])
}

test_allow_customer_key if {
	known := _repo({"encryption_configuration": [{"encryption_type": "KMS", "kms_key": _key_arn}]})
	referenced := fixtures.with_refs(
		fixtures.with_unknown(fixtures.patch(_repo({"encryption_configuration": [{"encryption_type": "KMS"}]}), {"address": "aws_ecr_repository.b"}), ["encryption_configuration.0.kms_key"]),
		{"encryption_configuration.kms_key": ["aws_kms_key.ecr"]},
	)
	inp := fixtures.plan([known, referenced])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_key_through_local if {
	r := fixtures.from_local(_repo({"encryption_configuration": [{"encryption_type": "KMS"}]}), ["encryption_configuration.0.kms_key"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"encryption_configuration.kms_key"} with input as inp
}

test_unknown_type if {
	r := fixtures.from_local(_repo({"encryption_configuration": [{}]}), ["encryption_configuration.0.encryption_type"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"encryption_configuration.encryption_type"} with input as inp
}
