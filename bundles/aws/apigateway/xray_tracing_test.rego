package tenet.aws.apigateway.xray_tracing_test

import rego.v1

import data.tenet.aws.apigateway.xray_tracing as check
import data.tenet.lib.fixtures

_stage(values) := fixtures.resource("aws_api_gateway_stage", "prod", object.union({"stage_name": "prod", "rest_api_id": "a1b2c3"}, values))

test_deny_tracing_off if {
	check.deny == {{"msg": "xray_tracing_enabled is not true: requests are not traced with X-Ray", "resource": "aws_api_gateway_stage.prod", "attribute": "xray_tracing_enabled"}} with input as fixtures.plan([_stage({"xray_tracing_enabled": false})])
	count(check.deny) == 1 with input as fixtures.state([_stage({})])
}

test_allow_tracing_on if {
	inp := fixtures.plan([_stage({"xray_tracing_enabled": true})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_tracing if {
	inp := fixtures.plan([fixtures.from_local(_stage({}), ["xray_tracing_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "xray_tracing_enabled is unknown until apply", "resource": "aws_api_gateway_stage.prod", "attribute": "xray_tracing_enabled"}} with input as inp
}
