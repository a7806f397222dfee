package tenet.aws.s3.mfa_delete_test

import rego.v1

import data.tenet.aws.s3.mfa_delete as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id", "versioning"])

_versioning(b, config) := fixtures.points_at(fixtures.resource("aws_s3_bucket_versioning", b.name, {"versioning_configuration": [config]}), "bucket", b)

test_deny_versioning_without_mfa_delete if {
	b := _bucket("d")
	check.deny == {{"msg": "MFA delete is not enabled in the bucket's versioning configuration", "resource": "aws_s3_bucket.d"}} with input as fixtures.plan([b, _versioning(b, {"status": "Enabled", "mfa_delete": "Disabled"})])
}

test_deny_without_versioning if {
	{f.resource | some f in check.deny} == {"aws_s3_bucket.d"} with input as fixtures.plan([_bucket("d")])
}

test_allow_v4_mfa_delete if {
	b := _bucket("d")
	check.deny == set() with input as fixtures.plan([b, _versioning(b, {"status": "Enabled", "mfa_delete": "Enabled"})])
}

test_allow_v3_inline_in_state if {
	b := fixtures.resource("aws_s3_bucket", "d", {"bucket": "d", "versioning": [{"enabled": true, "mfa_delete": true}]})
	check.deny == set() with input as fixtures.state([b])
}

test_unknown_mfa_delete if {
	b := _bucket("d")
	v := fixtures.with_unknown(_versioning(b, {"status": "Enabled"}), ["versioning_configuration.0.mfa_delete"])
	check.deny == set() with input as fixtures.plan([b, v])
	check.unknown == {{"msg": "versioning_configuration.mfa_delete of aws_s3_bucket_versioning.d is unknown until apply", "resource": "aws_s3_bucket.d"}} with input as fixtures.plan([b, v])
}
