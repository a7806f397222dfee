package tenet.aws.codebuild.artifact_encryption_test

import rego.v1

import data.tenet.aws.codebuild.artifact_encryption as check
import data.tenet.lib.fixtures

_project(artifacts, secondary) := fixtures.resource("aws_codebuild_project", "build", {"name": "build", "artifacts": [artifacts], "secondary_artifacts": secondary})

test_deny_encryption_disabled if {
	p := _project({"type": "S3", "location": "artifacts", "encryption_disabled": true}, [{"type": "S3", "artifact_identifier": "reports", "encryption_disabled": true}, {"type": "S3", "artifact_identifier": "ok", "encryption_disabled": false}])
	check.deny == {
		{"msg": "artifacts.0.encryption_disabled is true: the artifacts are stored unencrypted", "resource": "aws_codebuild_project.build", "attribute": "artifacts.0.encryption_disabled"},
		{"msg": "secondary_artifacts.0.encryption_disabled is true: the artifacts are stored unencrypted", "resource": "aws_codebuild_project.build", "attribute": "secondary_artifacts.0.encryption_disabled"},
	} with input as fixtures.plan([p])
}

test_allow_encrypted_or_no_artifacts if {
	inp := fixtures.state([
		_project({"type": "S3", "location": "artifacts", "encryption_disabled": false}, []),
		fixtures.patch(_project({"type": "NO_ARTIFACTS", "encryption_disabled": true}, []), {"address": "aws_codebuild_project.none"}),
		fixtures.patch(_project({"type": "CODEPIPELINE", "encryption_disabled": true}, []), {"address": "aws_codebuild_project.pipeline"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(_project({"type": "S3"}, []), ["artifacts.0.encryption_disabled"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "artifacts.0.encryption_disabled is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "artifacts.0.encryption_disabled"}} with input as inp
}
