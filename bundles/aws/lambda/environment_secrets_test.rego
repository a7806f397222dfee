package tenet.aws.lambda.environment_secrets_test

import rego.v1

import data.tenet.aws.lambda.environment_secrets as check
import data.tenet.lib.fixtures

_function(variables) := fixtures.resource("aws_lambda_function", "worker", {"function_name": "worker", "environment": [{"variables": variables}]})

test_deny_literal_password_and_key if {
	f := _function({
		"DB_PASSWORD": "hunter2hunter2",
		"UPLOAD_CREDS": "AKIAIOSFODNN7EXAMPLE",
		"LOG_LEVEL": "info",
	})
	check.deny == {
		{"msg": "environment variable DB_PASSWORD holds a literal secret value", "resource": "aws_lambda_function.worker", "attribute": "environment.variables.DB_PASSWORD"},
		{"msg": "environment variable UPLOAD_CREDS contains an AWS access key id", "resource": "aws_lambda_function.worker", "attribute": "environment.variables.UPLOAD_CREDS"},
	} with input as fixtures.state([f])
}

test_allow_references_and_plain_settings if {
	f := _function({
		"DB_PASSWORD_ARN": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db",
		"API_KEY": "/prod/api/key",
		"TOKEN_TTL": "3600",
		"SECRET_ENABLED": "true",
		"STAGE": "prod",
		"EMPTY_TOKEN": "",
	})
	inp := fixtures.plan([f, fixtures.resource("aws_lambda_function", "bare", {"environment": []})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_secret_from_resource if {
	f := fixtures.with_unknown(_function({"STAGE": "prod"}), ["environment.0.variables.DB_PASSWORD", "environment.0.variables.QUEUE_URL"])
	inp := fixtures.plan([f])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "environment.variables.DB_PASSWORD is unknown until apply",
		"resource": "aws_lambda_function.worker",
		"attribute": "environment.variables.DB_PASSWORD",
	}} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_variables_through_local if {
	f := fixtures.from_local(fixtures.resource("aws_lambda_function", "worker", {"function_name": "worker", "environment": [{}]}), ["environment.0.variables"])
	check.deny == set() with input as fixtures.plan([f])
	{x.attribute | some x in check.unknown} == {"environment.variables"} with input as fixtures.plan([f])
}
