package tenet.aws.apigateway.access_logging_test

import rego.v1

import data.tenet.aws.apigateway.access_logging as check
import data.tenet.lib.fixtures

_stage(values) := fixtures.resource("aws_api_gateway_stage", "prod", object.union({"stage_name": "prod", "rest_api_id": "a1b2c3", "deployment_id": "d1"}, values))

test_deny_without_access_logs if {
	check.deny == {{"msg": "the stage writes no access logs (no access_log_settings)", "resource": "aws_api_gateway_stage.prod", "attribute": "access_log_settings"}} with input as fixtures.plan([_stage({"access_log_settings": []})])
	count(check.deny) == 1 with input as fixtures.state([_stage({})])
}

test_allow_access_logs if {
	s := _stage({"access_log_settings": [{"destination_arn": "arn:aws:logs:us-east-1:1:log-group:api", "format": "$context.requestId"}]})
	created := fixtures.with_unknown(_stage({"access_log_settings": [{"format": "$context.requestId"}]}), ["access_log_settings.0.destination_arn"])
	inp := fixtures.plan([s, created])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_dynamic_block if {
	s := fixtures.from_local(_stage({}), ["access_log_settings"])
	inp := fixtures.plan([s])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "access_log_settings is unknown until apply", "resource": "aws_api_gateway_stage.prod", "attribute": "access_log_settings"}} with input as inp
}
