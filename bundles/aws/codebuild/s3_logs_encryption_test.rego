package tenet.aws.codebuild.s3_logs_encryption_test

import rego.v1

import data.tenet.aws.codebuild.s3_logs_encryption as check
import data.tenet.lib.fixtures

_project(s3_logs) := fixtures.resource("aws_codebuild_project", "build", {"name": "build", "logs_config": [{"cloudwatch_logs": [{"status": "ENABLED"}], "s3_logs": [s3_logs]}]})

test_deny_unencrypted_s3_logs if {
	check.deny == {{"msg": "logs_config.s3_logs.encryption_disabled is true: build logs are written to S3 unencrypted", "resource": "aws_codebuild_project.build", "attribute": "logs_config.s3_logs.encryption_disabled"}} with input as fixtures.plan([_project({"status": "ENABLED", "location": "logs/build", "encryption_disabled": true})])
}

test_allow_encrypted_or_disabled if {
	inp := fixtures.state([
		_project({"status": "ENABLED", "location": "logs/build", "encryption_disabled": false}),
		fixtures.patch(_project({"status": "DISABLED", "encryption_disabled": true}), {"address": "aws_codebuild_project.off"}),
		fixtures.patch(fixtures.resource("aws_codebuild_project", "none", {"name": "none"}), {}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_values if {
	flag := fixtures.from_local(_project({"status": "ENABLED", "location": "logs/build"}), ["logs_config.0.s3_logs.0.encryption_disabled"])
	check.unknown == {{"msg": "logs_config.s3_logs.encryption_disabled is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "logs_config.s3_logs.encryption_disabled"}} with input as fixtures.plan([flag])
	status := fixtures.from_local(_project({"encryption_disabled": true}), ["logs_config.0.s3_logs.0.status"])
	check.unknown == {{"msg": "logs_config.s3_logs.status is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "logs_config.s3_logs.status"}} with input as fixtures.plan([status])
	check.deny == set() with input as fixtures.plan([status])
}
