package tenet.aws.ecs.environment_secrets_test

import rego.v1

import data.tenet.aws.ecs.environment_secrets as check
import data.tenet.lib.fixtures

_task(containers) := fixtures.resource("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": json.marshal(containers)})

test_deny_credentials if {
	t := _task([
		{"name": "app", "image": "app:1", "environment": [
			{"name": "AWS_SECRET_ACCESS_KEY", "value": "x"},
			{"name": "DEPLOY", "value": "-----BEGIN RSA PRIVATE KEY-----\nabc"},
			{"name": "STAGE", "value": "prod"},
		]},
		{"image": "init:1", "environment": [{"name": "ECS_ENGINE_AUTH_DATA", "value": "{}"}]},
	])
	check.deny == {
		{"msg": `container "app": environment variable AWS_SECRET_ACCESS_KEY holds a credential`, "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
		{"msg": `container "app": environment variable DEPLOY contains a private key`, "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
		{"msg": "container 1: environment variable ECS_ENGINE_AUTH_DATA holds a credential", "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
	} with input as fixtures.plan([t])
}

test_allow_secrets_list if {
	inp := fixtures.state([_task([{"name": "app", "image": "app:1", "environment": [{"name": "REGION", "value": "eu-west-1"}], "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:1:secret:db"}]}])])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.plan([fixtures.resource("aws_ecs_task_definition", "broken", {"container_definitions": "[not json"})])
}

test_unknown_definitions if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_ecs_task_definition", "app", {"family": "app"}), ["container_definitions"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "container_definitions is unknown until apply", "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"}} with input as inp
}
