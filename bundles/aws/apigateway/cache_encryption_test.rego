package tenet.aws.apigateway.cache_encryption_test

import rego.v1

import data.tenet.aws.apigateway.cache_encryption as check
import data.tenet.lib.fixtures

_api := fixtures.with_unknown(fixtures.resource("aws_api_gateway_rest_api", "api", {"name": "api"}), ["id"])

_stage(cached) := fixtures.points_at(fixtures.resource("aws_api_gateway_stage", "prod", {"stage_name": "prod", "cache_cluster_enabled": cached, "cache_cluster_size": "0.5"}), "rest_api_id", _api)

_settings(path, settings) := fixtures.points_at(
	fixtures.points_at(fixtures.resource("aws_api_gateway_method_settings", "all", {"method_path": path, "settings": [settings]}), "stage_name", _stage(true)),
	"rest_api_id", _api,
)

test_deny_unencrypted_method_cache if {
	off := _settings("users/GET", {"caching_enabled": true, "cache_data_encrypted": false})
	left_out := fixtures.with_unknown(fixtures.with_configured(_settings("*/*", {"caching_enabled": true}), ["settings.caching_enabled"]), ["settings.0.cache_data_encrypted"])
	check.deny == {
		{"msg": "caching is on and settings.cache_data_encrypted is not true: cached responses are not encrypted", "resource": "aws_api_gateway_method_settings.all", "attribute": "settings.cache_data_encrypted"},
	} with input as fixtures.plan([_api, _stage(false), off])
	count(check.deny) == 1 with input as fixtures.plan([_api, _stage(true), left_out])
}

test_deny_cache_cluster_without_settings if {
	stage := fixtures.resource("aws_api_gateway_stage", "prod", {"stage_name": "prod", "rest_api_id": "a1", "cache_cluster_enabled": true})
	metrics := fixtures.resource("aws_api_gateway_method_settings", "all", {"stage_name": "prod", "rest_api_id": "a1", "method_path": "*/*", "settings": [{"metrics_enabled": true}]})
	check.deny == {{"msg": "the stage has a cache cluster, and no method settings for */* encrypt it or turn caching off", "resource": "aws_api_gateway_stage.prod", "attribute": "cache_cluster_enabled"}} with input as fixtures.state([stage, metrics])
}

test_allow_encrypted_or_not_cached if {
	encrypted := _settings("*/*", {"caching_enabled": true, "cache_data_encrypted": true})
	inp := fixtures.plan([_api, _stage(true), encrypted])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp

	no_cache := fixtures.points_at(fixtures.resource("aws_api_gateway_method_settings", "all", {"stage_name": "prod", "method_path": "*/*", "settings": [{"caching_enabled": false}]}), "rest_api_id", _api)
	check.deny == set() with input as fixtures.plan([_api, _stage(true), no_cache])
	check.deny == set() with input as fixtures.plan([_api, _stage(false)])
}

test_unknown_values if {
	encrypted := fixtures.from_local(_settings("*/*", {"caching_enabled": true}), ["settings.0.cache_data_encrypted"])
	inp := fixtures.plan([_api, _stage(true), encrypted])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "settings.cache_data_encrypted is unknown until apply", "resource": "aws_api_gateway_method_settings.all", "attribute": "settings.cache_data_encrypted"}} with input as inp

	caching := fixtures.from_local(_settings("users/GET", {"cache_data_encrypted": false}), ["settings.0.caching_enabled"])
	check.unknown == {{"msg": "settings.caching_enabled is unknown until apply", "resource": "aws_api_gateway_method_settings.all", "attribute": "settings.caching_enabled"}} with input as fixtures.plan([_api, _stage(false), caching])

	cluster := fixtures.from_local(fixtures.resource("aws_api_gateway_stage", "x", {"stage_name": "x"}), ["cache_cluster_enabled"])
	check.unknown == {{"msg": "cache_cluster_enabled is unknown until apply", "resource": "aws_api_gateway_stage.x", "attribute": "cache_cluster_enabled"}} with input as fixtures.plan([cluster])

	# Settings whose stage name comes through a local may be this stage's.
	any := fixtures.from_local(fixtures.resource("aws_api_gateway_method_settings", "any", {"method_path": "*/*", "settings": [{"metrics_enabled": true}]}), ["stage_name"])
	{f.msg | some f in check.unknown} == {"whether the stage's cache is encrypted is unknown until apply: the stage of aws_api_gateway_method_settings.any"} with input as fixtures.plan([_api, _stage(true), any])
	check.deny == set() with input as fixtures.plan([_api, _stage(true), any])

	# */* settings that do not cache and whose encryption is unknown.
	pending := fixtures.from_local(_settings("*/*", {"caching_enabled": null, "metrics_enabled": true}), ["settings.0.cache_data_encrypted"])
	{f.msg | some f in check.unknown} == {"whether the stage's cache is encrypted is unknown until apply: the cache settings of aws_api_gateway_method_settings.all"} with input as fixtures.plan([_api, _stage(true), pending])
}
