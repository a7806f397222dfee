package tenet.aws.apigateway.v2_access_logging_test

import rego.v1

import data.tenet.aws.apigateway.v2_access_logging as check
import data.tenet.lib.fixtures

_stage(values) := fixtures.resource("aws_apigatewayv2_stage", "default", object.union({"name": "$default", "api_id": "a1b2c3", "auto_deploy": true}, values))

test_deny_without_access_logs if {
	check.deny == {{"msg": "the stage writes no access logs (no access_log_settings)", "resource": "aws_apigatewayv2_stage.default", "attribute": "access_log_settings"}} with input as fixtures.plan([_stage({"access_log_settings": []})])
}

test_allow_access_logs if {
	s := fixtures.with_unknown(_stage({"access_log_settings": [{"format": "$context.requestId"}]}), ["access_log_settings.0.destination_arn"])
	inp := fixtures.plan([s])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_dynamic_block if {
	inp := fixtures.plan([fixtures.from_local(_stage({}), ["access_log_settings"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "access_log_settings is unknown until apply", "resource": "aws_apigatewayv2_stage.default", "attribute": "access_log_settings"}} with input as inp
}
