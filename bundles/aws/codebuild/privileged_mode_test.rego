package tenet.aws.codebuild.privileged_mode_test

import rego.v1

import data.tenet.aws.codebuild.privileged_mode as check
import data.tenet.lib.fixtures

_project(environment) := fixtures.resource("aws_codebuild_project", "build", {
	"name": "build",
	"environment": [object.union({"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER"}, environment)],
})

test_deny_privileged if {
	check.deny == {{"msg": "environment.privileged_mode is true: builds run with root access to the host's Docker daemon", "resource": "aws_codebuild_project.build", "attribute": "environment.privileged_mode"}} with input as fixtures.plan([_project({"privileged_mode": true})])
}

test_allow_unprivileged if {
	inp := fixtures.state([_project({"privileged_mode": false})])
	check.deny == set() with input as inp
	check.deny == set() with input as fixtures.plan([_project({})])
}

test_unknown_privileged if {
	inp := fixtures.plan([fixtures.from_local(_project({}), ["environment.0.privileged_mode"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "environment.privileged_mode is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "environment.privileged_mode"}} with input as inp
}
