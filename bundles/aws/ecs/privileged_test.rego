package tenet.aws.ecs.privileged_test

import rego.v1

import data.tenet.aws.ecs.privileged as check
import data.tenet.lib.fixtures

_task(containers) := fixtures.resource("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": json.marshal(containers)})

test_deny_privileged if {
	t := _task([{"name": "app", "image": "app:1"}, {"name": "agent", "image": "agent:1", "privileged": true}, {"image": "debug:1", "privileged": true}])
	check.deny == {
		{"msg": `container "agent" runs privileged`, "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
		{"msg": "container 2 runs privileged", "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
	} with input as fixtures.plan([t])
}

test_allow_unprivileged if {
	inp := fixtures.state([_task([{"name": "app", "image": "app:1", "privileged": false}]), fixtures.resource("aws_ecs_task_definition", "broken", {"container_definitions": "not json"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_definitions if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_ecs_task_definition", "app", {"family": "app"}), ["container_definitions"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "container_definitions is unknown until apply", "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"}} with input as inp
}
