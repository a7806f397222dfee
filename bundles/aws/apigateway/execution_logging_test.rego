package tenet.aws.apigateway.execution_logging_test

import rego.v1

import data.tenet.aws.apigateway.execution_logging as check
import data.tenet.lib.fixtures

_api := fixtures.with_unknown(fixtures.resource("aws_api_gateway_rest_api", "api", {"name": "api"}), ["id"])

_stage := fixtures.points_at(fixtures.resource("aws_api_gateway_stage", "prod", {"stage_name": "prod"}), "rest_api_id", _api)

_settings(path, settings) := fixtures.points_at(
	fixtures.points_at(fixtures.resource("aws_api_gateway_method_settings", "all", {"method_path": path, "settings": [settings]}), "stage_name", _stage),
	"rest_api_id", _api,
)

_msg := "no method settings for */* of the stage set logging_level to ERROR or INFO: execution is not logged"

test_deny_no_settings_or_logging_off if {
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.prod"}} with input as fixtures.plan([_api, _stage])
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.prod"}} with input as fixtures.plan([_api, _stage, _settings("*/*", {"logging_level": "OFF", "metrics_enabled": true})])

	# Logging one method is not logging the stage.
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.prod"}} with input as fixtures.plan([_api, _stage, _settings("users/GET", {"logging_level": "INFO"})])

	# Left out, the level is computed: the API leaves it OFF.
	left_out := fixtures.with_unknown(fixtures.with_configured(_settings("*/*", {"metrics_enabled": true}), ["settings.metrics_enabled"]), ["settings.0.logging_level"])
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.prod"}} with input as fixtures.plan([_api, _stage, left_out])
}

test_allow_error_logging if {
	inp := fixtures.plan([_api, _stage, _settings("*/*", {"logging_level": "ERROR"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

# State joins by rest_api_id and stage_name; another stage's settings do
# not count.
test_state_join_by_value if {
	stage := fixtures.resource("aws_api_gateway_stage", "prod", {"stage_name": "prod", "rest_api_id": "a1"})
	other := fixtures.resource("aws_api_gateway_stage", "test", {"stage_name": "test", "rest_api_id": "a1"})
	settings := fixtures.resource("aws_api_gateway_method_settings", "all", {"rest_api_id": "a1", "stage_name": "prod", "method_path": "*/*", "settings": [{"logging_level": "INFO"}]})
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.test"}} with input as fixtures.state([stage, other, settings])
}

# A literal stage name on the same API (referenced) joins too.
test_allow_literal_stage_name if {
	settings := fixtures.points_at(fixtures.resource("aws_api_gateway_method_settings", "all", {"stage_name": "prod", "method_path": "*/*", "settings": [{"logging_level": "INFO"}]}), "rest_api_id", _api)
	check.deny == set() with input as fixtures.plan([_api, _stage, settings])
}

test_unknown_level_or_stage if {
	level := fixtures.from_local(_settings("*/*", {}), ["settings.0.logging_level"])
	inp := fixtures.plan([_api, _stage, level])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "whether the stage logs execution is unknown until apply: the logging_level of aws_api_gateway_method_settings.all", "resource": "aws_api_gateway_stage.prod"}} with input as inp

	stage := fixtures.from_local(fixtures.resource("aws_api_gateway_method_settings", "any", {"rest_api_id": "a1", "method_path": "*/*", "settings": [{"logging_level": "INFO"}]}), ["stage_name"])
	{f.msg | some f in check.unknown} == {"whether the stage logs execution is unknown until apply: the stage of aws_api_gateway_method_settings.any"} with input as fixtures.plan([_api, _stage, stage])
}

# Stages of one name on two APIs: each API's settings log only its stage,
# joined by reference in a plan and by value in state.
test_same_stage_name_on_two_apis if {
	api2 := fixtures.with_unknown(fixtures.resource("aws_api_gateway_rest_api", "api2", {"name": "api2"}), ["id"])
	stage2 := fixtures.points_at(fixtures.resource("aws_api_gateway_stage", "prod2", {"stage_name": "prod"}), "rest_api_id", api2)
	settings := fixtures.points_at(fixtures.resource("aws_api_gateway_method_settings", "all", {"stage_name": "prod", "method_path": "*/*", "settings": [{"logging_level": "INFO"}]}), "rest_api_id", _api)
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.prod2"}} with input as fixtures.plan([_api, _stage, api2, stage2, settings])

	a1 := fixtures.resource("aws_api_gateway_stage", "a1", {"stage_name": "prod", "rest_api_id": "a1"})
	a2 := fixtures.resource("aws_api_gateway_stage", "a2", {"stage_name": "prod", "rest_api_id": "a2"})
	by_value := fixtures.resource("aws_api_gateway_method_settings", "all", {"rest_api_id": "a2", "stage_name": "prod", "method_path": "*/*", "settings": [{"logging_level": "ERROR"}]})
	check.deny == {{"msg": _msg, "resource": "aws_api_gateway_stage.a1"}} with input as fixtures.state([a1, a2, by_value])
}
