package tenet.aws.cloudtrail.log_validation_test

import rego.v1

import data.tenet.aws.cloudtrail.log_validation as check
import data.tenet.lib.fixtures

_trail(values) := fixtures.resource("aws_cloudtrail", "main", object.union({"name": "main", "s3_bucket_name": "logs"}, values))

test_deny_disabled if {
	check.deny == {{"msg": "log file validation is not enabled", "resource": "aws_cloudtrail.main", "attribute": "enable_log_file_validation"}} with input as fixtures.plan([_trail({"enable_log_file_validation": false})])
}

test_deny_unset if {
	{f.resource | some f in check.deny} == {"aws_cloudtrail.main"} with input as fixtures.state([_trail({})])
}

test_allow_enabled if {
	check.deny == set() with input as fixtures.plan([_trail({"enable_log_file_validation": true})])
}

test_unknown_flag if {
	t := fixtures.with_unknown(_trail({}), ["enable_log_file_validation"])
	check.deny == set() with input as fixtures.plan([t])
	{f.attribute | some f in check.unknown} == {"enable_log_file_validation"} with input as fixtures.plan([t])
}
