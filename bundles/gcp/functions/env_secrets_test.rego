package tenet.gcp.functions.env_secrets_test

import rego.v1

import data.tenet.gcp.functions.env_secrets as check
import data.tenet.lib.fixtures

_fn(env) := fixtures.resource("google_cloudfunctions_function", "fn", {"name": "fn", "runtime": "python312", "environment_variables": env})

test_deny_literal_password if {
	check.deny == {{
		"msg": `environment variable "DB_PASSWORD" holds a literal credential`,
		"resource": "google_cloudfunctions_function.fn",
		"attribute": "environment_variables.DB_PASSWORD",
	}} with input as fixtures.state([_fn({"DB_PASSWORD": "hunter2-prod", "LOG_LEVEL": "debug"})])
}

test_deny_key_shape_in_2nd_gen if {
	f := fixtures.resource("google_cloudfunctions2_function", "f2", {"service_config": [{"environment_variables": {"MAPS": "AIzaSyA1234567890abcdefghijklmnopqrstuv"}}]})
	{f.msg | some f in check.deny} == {`environment variable "MAPS" holds a Google API key`} with input as fixtures.plan([f])
}

test_allow_references_and_plain_settings if {
	inp := fixtures.state([_fn({"DB_SECRET_NAME": "projects/p/secrets/db", "TOKEN_PATH": "/secrets/token", "API_KEY": "${API_KEY}", "REGION": "europe-west1"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_generated_password if {
	f := fixtures.with_unknown(_fn({"REGION": "eu"}), ["environment_variables.DB_PASSWORD", "environment_variables.PROJECT"])
	inp := fixtures.plan([f])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"environment_variables.DB_PASSWORD"} with input as inp
}

test_unknown_whole_map_through_local if {
	f := fixtures.from_local(fixtures.resource("google_cloudfunctions_function", "fn", {}), ["environment_variables"])
	{f.attribute | some f in check.unknown} == {"environment_variables"} with input as fixtures.plan([f])
}
