package tenet.docker.image.allowed_registries_test

import rego.v1

import data.tenet.docker.image.allowed_registries as check
import data.tenet.lib.fixtures

_params := {"allowed_registries": ["ghcr.io/acme/", "docker.io/library"]}

_from_arg(raw) := object.union(json.remove(fixtures.stage("", "x", []), ["values/from"]), {
	"values": {"from": {"raw": raw}},
	"unknown": ["from.image", "from.tag", "from.digest"],
})

test_allow_when_parameter_unset if {
	inp := fixtures.dockerfile([fixtures.stage("", "quay.io/x/y:1", []), _from_arg("${BASE}")])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_deny_registry_not_listed if {
	inp := fixtures.dockerfile([fixtures.stage("", "quay.io/team/app:1.2", [])])
	check.deny == {{
		"msg": "FROM quay.io/team/app:1.2 pulls from quay.io/team/app, which allowed_registries does not list",
		"resource": "stage.0",
		"attribute": "from",
	}} with input as inp with data.tenet.params as _params
}

test_deny_docker_hub_user_image if {
	inp := fixtures.dockerfile([fixtures.stage("build", "bitnami/node:20", []), fixtures.stage("", "python:3.12-slim", [])])
	{f.resource | some f in check.deny} == {"stage.build"} with input as inp with data.tenet.params as _params
}

test_allow_scratch_earlier_stage_and_listed if {
	inp := fixtures.dockerfile([
		fixtures.stage("build", "ghcr.io/acme/golang:1.23", []),
		fixtures.stage_from("test", "build", []),
		fixtures.stage("", "scratch", []),
	])
	check.deny == set() with input as inp with data.tenet.params as _params
}

test_unknown_base_from_a_build_argument if {
	inp := fixtures.dockerfile([_from_arg("${BASE}")])
	check.deny == set() with input as inp with data.tenet.params as _params
	{f.msg | some f in check.unknown} == {"FROM ${BASE} depends on a build argument without a default: whether the base image comes from an allowed registry is decided by --build-arg"} with input as inp with data.tenet.params as _params
}
