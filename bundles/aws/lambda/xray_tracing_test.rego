package tenet.aws.lambda.xray_tracing_test

import rego.v1

import data.tenet.aws.lambda.xray_tracing as check
import data.tenet.lib.fixtures

_fn(values) := fixtures.resource("aws_lambda_function", "api", object.union({"function_name": "api", "runtime": "python3.13"}, values))

test_deny_left_out_in_plan if {
	f := fixtures.computed(_fn({}), ["tracing_config"])
	check.deny == {{
		"msg": "tracing_config.mode is \"PassThrough\": requests are not traced with X-Ray",
		"resource": "aws_lambda_function.api",
		"attribute": "tracing_config.mode",
	}} with input as fixtures.plan([f])
}

test_deny_pass_through_in_state if {
	{f.msg | some f in check.deny} == {"tracing_config.mode is \"PassThrough\": requests are not traced with X-Ray"} with input as fixtures.state([_fn({"tracing_config": [{"mode": "PassThrough"}]})])
}

test_allow_active if {
	inp := fixtures.plan([_fn({"tracing_config": [{"mode": "Active"}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_mode_from_variable if {
	f := fixtures.from_local(_fn({"tracing_config": [{}]}), ["tracing_config.0.mode"])
	inp := fixtures.plan([f])
	check.deny == set() with input as inp
	{u.attribute | some u in check.unknown} == {"tracing_config.mode"} with input as inp
}

test_deleted_function_ignored if {
	f := fixtures.with_action(_fn({"tracing_config": [{"mode": "PassThrough"}]}), "delete")
	check.deny == set() with input as fixtures.plan([f])
}
