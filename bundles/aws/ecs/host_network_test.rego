package tenet.aws.ecs.host_network_test

import rego.v1

import data.tenet.aws.ecs.host_network as check
import data.tenet.lib.fixtures

_task(values) := fixtures.resource("aws_ecs_task_definition", "app", object.union({"family": "app", "container_definitions": "[]"}, values))

test_deny_host_modes if {
	check.deny == {
		{"msg": "network_mode is host: containers share the host's network stack", "resource": "aws_ecs_task_definition.app", "attribute": "network_mode"},
		{"msg": "pid_mode is host: containers share the host's process namespace", "resource": "aws_ecs_task_definition.app", "attribute": "pid_mode"},
	} with input as fixtures.plan([_task({"network_mode": "host", "pid_mode": "host"})])
}

test_allow_isolated if {
	inp := fixtures.state([_task({"network_mode": "awsvpc", "pid_mode": "task"}), fixtures.patch(_task({}), {"address": "aws_ecs_task_definition.bridge"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_mode if {
	inp := fixtures.plan([fixtures.from_local(_task({}), ["network_mode"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "network_mode is unknown until apply", "resource": "aws_ecs_task_definition.app", "attribute": "network_mode"}} with input as inp
}
