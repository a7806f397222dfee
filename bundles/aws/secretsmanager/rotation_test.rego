package tenet.aws.secretsmanager.rotation_test

import rego.v1

import data.tenet.aws.secretsmanager.rotation as check
import data.tenet.lib.fixtures

_secret := fixtures.with_unknown(fixtures.resource("aws_secretsmanager_secret", "db", {"name": "db"}), ["arn", "id"])

_rotation(rules) := fixtures.points_at(fixtures.resource("aws_secretsmanager_secret_rotation", "db", {"rotation_rules": [rules]}), "secret_id", _secret)

test_deny_without_rotation if {
	check.deny == {{"msg": "no rotation of 90 days or less is configured for the secret", "resource": "aws_secretsmanager_secret.db"}} with input as fixtures.plan([_secret])
}

test_deny_rotation_too_rare if {
	{f.resource | some f in check.deny} == {"aws_secretsmanager_secret.db"} with input as fixtures.plan([_secret, _rotation({"automatically_after_days": 365})])
	{f.resource | some f in check.deny} == {"aws_secretsmanager_secret.db"} with input as fixtures.plan([_secret, _rotation({"schedule_expression": "rate(120 days)"})])
}

test_allow_rotation if {
	check.deny == set() with input as fixtures.plan([_secret, _rotation({"automatically_after_days": 30})])
	check.deny == set() with input as fixtures.plan([_secret, _rotation({"schedule_expression": "rate(4 hours)"})])
	check.deny == set() with input as fixtures.plan([_secret, _rotation({"schedule_expression": "cron(0 4 1 * ? *)"})])
}

test_allow_legacy_inline_rotation_in_state if {
	s := fixtures.resource("aws_secretsmanager_secret", "db", {"name": "db", "rotation_lambda_arn": "arn:aws:lambda:eu-west-1:1:function:rotate", "rotation_rules": [{"automatically_after_days": 60}]})
	check.deny == set() with input as fixtures.state([s])
}

test_unknown_rotation_rules if {
	r := fixtures.with_unknown(_rotation({}), ["rotation_rules"])
	check.deny == set() with input as fixtures.plan([_secret, r])
	{f.resource | some f in check.unknown} == {"aws_secretsmanager_secret.db"} with input as fixtures.plan([_secret, r])
}

test_deny_checkov_plan_with_deleted_resources_computed_inline_rotation if {
	s := fixtures.with_unknown(fixtures.resource("aws_secretsmanager_secret", "default", {"name": "test"}), ["arn", "id", "rotation_enabled", "rotation_lambda_arn", "rotation_rules"])
	check.unknown == set() with input as fixtures.plan([s])
	check.deny == {{"msg": "no rotation of 90 days or less is configured for the secret", "resource": "aws_secretsmanager_secret.default"}} with input as fixtures.plan([s])
}

test_unknown_legacy_inline_rotation_by_reference if {
	s := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_secretsmanager_secret", "db", {}), ["rotation_lambda_arn", "rotation_rules"]), {"rotation_lambda_arn": ["aws_lambda_function.rotate"]})
	check.deny == set() with input as fixtures.plan([s])
	{f.resource | some f in check.unknown} == {"aws_secretsmanager_secret.db"} with input as fixtures.plan([s])
}
