package tenet.aws.codebuild.environment_credentials_test

import rego.v1

import data.tenet.aws.codebuild.environment_credentials as check
import data.tenet.lib.fixtures

_project(variables) := fixtures.resource("aws_codebuild_project", "build", {
	"name": "build",
	"environment": [{"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER", "environment_variable": variables}],
})

test_deny_plaintext_credentials if {
	p := _project([
		{"name": "AWS_ACCESS_KEY_ID", "value": "(sensitive value)", "type": "PLAINTEXT"},
		{"name": "DEPLOY_KEY", "value": "AKIAIOSFODNN7EXAMPLE"},
		{"name": "STAGE", "value": "prod", "type": "PLAINTEXT"},
	])
	check.deny == {
		{"msg": "plain-text environment variable AWS_ACCESS_KEY_ID holds an AWS credential", "resource": "aws_codebuild_project.build", "attribute": "environment.environment_variable.0"},
		{"msg": "plain-text environment variable DEPLOY_KEY contains an AWS access key id", "resource": "aws_codebuild_project.build", "attribute": "environment.environment_variable.1"},
	} with input as fixtures.plan([p])
}

test_allow_references if {
	inp := fixtures.state([_project([
		{"name": "AWS_SECRET_ACCESS_KEY", "value": "/ci/aws-secret", "type": "PARAMETER_STORE"},
		{"name": "TOKEN", "value": "ci/token:token", "type": "SECRETS_MANAGER"},
		{"name": "REGION", "value": "eu-west-1", "type": "PLAINTEXT"},
	])])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_type if {
	p := fixtures.from_local(_project([{"name": "AWS_SECRET_ACCESS_KEY", "value": "x"}]), ["environment.0.environment_variable.0.type"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "environment.environment_variable.0.type is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "environment.environment_variable.0.type"}} with input as inp
}

test_unknown_variables_through_local if {
	p := fixtures.with_unknown(fixtures.resource("aws_codebuild_project", "p", {"environment": [{"image": "aws/codebuild/standard:7.0"}]}), ["environment.0.environment_variable"])
	inp := fixtures.plan([object.union(p, {"configured": ["environment", "environment.environment_variable"]})])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"environment.environment_variable"} with input as inp
}

# A sensitive value (a sensitive variable, a NoEcho parameter) in a
# PLAINTEXT variable is shown to whoever reads the project; in
# PARAMETER_STORE it is only a parameter's name.
test_deny_sensitive_plaintext if {
	p := object.union(
		_project([
			{"name": "DB_PASSWORD", "value": "(sensitive value)", "type": "PLAINTEXT"},
			{"name": "TOKEN", "value": "(sensitive value)", "type": "PARAMETER_STORE"},
			{"name": "STAGE", "value": "prod"},
		]),
		{"sensitive": ["environment.0.environment_variable.0.value", "environment.0.environment_variable.1.value"]},
	)
	check.deny == {{"msg": "plain-text environment variable DB_PASSWORD holds a value marked sensitive: use PARAMETER_STORE or SECRETS_MANAGER", "resource": "aws_codebuild_project.build", "attribute": "environment.environment_variable.0"}} with input as fixtures.plan([p])
	whole := object.union(_project([{"name": "DB_PASSWORD", "value": "(sensitive value)"}]), {"sensitive": ["environment"]})
	count(check.deny) == 1 with input as fixtures.plan([whole])
}
