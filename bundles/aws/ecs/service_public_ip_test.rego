package tenet.aws.ecs.service_public_ip_test

import rego.v1

import data.tenet.aws.ecs.service_public_ip as check
import data.tenet.lib.fixtures

_service(network) := fixtures.resource("aws_ecs_service", "web", {"name": "web", "network_configuration": network})

test_deny_public_ip if {
	check.deny == {{"msg": "assign_public_ip is true: the service's tasks get public IP addresses", "resource": "aws_ecs_service.web", "attribute": "network_configuration.assign_public_ip"}} with input as fixtures.plan([_service([{"subnets": ["subnet-1"], "assign_public_ip": true}])])
}

test_allow_private if {
	inp := fixtures.state([_service([{"subnets": ["subnet-1"], "assign_public_ip": false}]), fixtures.patch(_service([]), {"address": "aws_ecs_service.bridge"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(_service([{"subnets": ["subnet-1"]}]), ["network_configuration.0.assign_public_ip"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "network_configuration.assign_public_ip is unknown until apply", "resource": "aws_ecs_service.web", "attribute": "network_configuration.assign_public_ip"}} with input as inp
}
