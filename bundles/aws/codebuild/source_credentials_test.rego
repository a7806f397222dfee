package tenet.aws.codebuild.source_credentials_test

import rego.v1

import data.tenet.aws.codebuild.source_credentials as check
import data.tenet.lib.fixtures

_project(location, secondary) := fixtures.resource("aws_codebuild_project", "build", {
	"name": "build",
	"source": [{"type": "BITBUCKET", "location": location}],
	"secondary_sources": [{"type": "GITHUB", "source_identifier": "lib", "location": l} | some l in secondary],
})

test_deny_password_or_token if {
	p := _project("https://builder:s3cr3t@bitbucket.org/acme/app.git", ["https://ghp_0123456789abcdefghijABCDEFGHIJ@github.com/acme/lib.git", "https://github.com/acme/ok.git"])
	check.deny == {
		{"msg": "source.0.location holds a password in the URL", "resource": "aws_codebuild_project.build", "attribute": "source.0.location"},
		{"msg": "secondary_sources.0.location holds an access token in the URL", "resource": "aws_codebuild_project.build", "attribute": "secondary_sources.0.location"},
	} with input as fixtures.state([p])
	{f.msg | some f in check.deny} == {"source.0.location holds a password in the URL"} with input as fixtures.plan([_project("https://x-token-auth:abc@bitbucket.org/acme/app.git", [])])
}

test_allow_plain_urls if {
	inp := fixtures.plan([
		_project("https://builder@bitbucket.org/acme/app.git", ["https://github.com/acme/lib.git", "git@github.com:acme/lib.git"]),
		fixtures.patch(fixtures.resource("aws_codebuild_project", "s3", {"source": [{"type": "S3", "location": "acme-src/app.zip"}]}), {}),
		fixtures.patch(fixtures.resource("aws_codebuild_project", "pipeline", {"source": [{"type": "CODEPIPELINE"}]}), {}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_location if {
	inp := fixtures.plan([fixtures.from_local(_project(null, []), ["source.0.location"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "source.0.location is unknown until apply", "resource": "aws_codebuild_project.build", "attribute": "source.0.location"}} with input as inp
}
