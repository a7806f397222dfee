package tenet.aws.ecs.read_only_root_test

import rego.v1

import data.tenet.aws.ecs.read_only_root as check
import data.tenet.lib.fixtures

_task(containers) := fixtures.resource("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": json.marshal(containers)})

test_deny_writable_root if {
	t := _task([{"name": "app", "image": "app:1", "readonlyRootFilesystem": true}, {"name": "sidecar", "image": "proxy:1"}, {"image": "init:1", "readonlyRootFilesystem": false}])
	check.deny == {
		{"msg": `container "sidecar" has a writable root filesystem (readonlyRootFilesystem is not true)`, "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
		{"msg": `container 2 has a writable root filesystem (readonlyRootFilesystem is not true)`, "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"},
	} with input as fixtures.plan([t])
}

test_allow_read_only if {
	inp := fixtures.state([_task([{"name": "app", "image": "app:1", "readonlyRootFilesystem": true}]), fixtures.resource("aws_ecs_task_definition", "broken", {"container_definitions": "{}"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_definitions if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_ecs_task_definition", "app", {"family": "app"}), ["container_definitions"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "container_definitions is unknown until apply", "resource": "aws_ecs_task_definition.app", "attribute": "container_definitions"}} with input as inp
}
