package acme.owner_tag_test

import rego.v1

import data.acme.owner_tag as check
import data.tenet.lib.fixtures

test_deny_bucket_without_owner if {
	inp := fixtures.plan([fixtures.resource("aws_s3_bucket", "logs", {"tags": {"env": "prod"}})])
	{f.resource | some f in check.warn} == {"aws_s3_bucket.logs"} with input as inp
}

test_allow_bucket_with_owner if {
	inp := fixtures.plan([fixtures.resource("aws_s3_bucket", "logs", {"tags": {"owner": "platform"}})])
	check.warn == set() with input as inp
}

test_unknown_tags if {
	r := fixtures.with_unknown(fixtures.resource("aws_db_instance", "main", {}), ["tags"])
	inp := fixtures.plan([r])
	check.warn == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.main"} with input as inp
}
