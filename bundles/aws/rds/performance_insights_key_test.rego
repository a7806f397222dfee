package tenet.aws.rds.performance_insights_key_test

import rego.v1

import data.tenet.aws.rds.performance_insights_key as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("aws_db_instance", "main", object.union({"engine": "postgres", "performance_insights_enabled": true}, values))

test_deny_aws_managed_key_in_plan if {
	db := fixtures.computed(_db({}), ["performance_insights_kms_key_id"])
	check.deny == {{
		"msg": "performance_insights_kms_key_id is not set: Performance Insights uses the AWS-managed key aws/rds",
		"resource": "aws_db_instance.main",
		"attribute": "performance_insights_kms_key_id",
	}} with input as fixtures.plan([db])
}

test_deny_in_state if {
	{f.resource | some f in check.deny} == {"aws_db_instance.main"} with input as fixtures.state([_db({"performance_insights_kms_key_id": ""})])
}

test_allow_customer_key_and_insights_off if {
	known := _db({"performance_insights_kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"})
	referenced := fixtures.with_refs(
		fixtures.with_unknown(fixtures.patch(_db({}), {"address": "aws_db_instance.b"}), ["performance_insights_kms_key_id"]),
		{"performance_insights_kms_key_id": ["aws_kms_key.pi"]},
	)
	off := fixtures.patch(_db({"performance_insights_enabled": false}), {"address": "aws_db_instance.c"})
	inp := fixtures.plan([known, referenced, off])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_key_through_local if {
	db := fixtures.from_local(_db({}), ["performance_insights_kms_key_id"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"performance_insights_kms_key_id"} with input as inp
}

test_unknown_insights_through_local if {
	db := fixtures.from_local(fixtures.resource("aws_db_instance", "main", {"engine": "postgres"}), ["performance_insights_enabled"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"performance_insights_enabled"} with input as inp
}
