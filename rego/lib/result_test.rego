package tenet.lib.result_test

import rego.v1

import data.tenet.lib.result

_r := {"address": "module.a.aws_s3_bucket.b[0]", "type": "aws_s3_bucket"}

test_fail if {
	result.fail(_r, "bad") == {"msg": "bad", "resource": "module.a.aws_s3_bucket.b[0]"}
}

test_fail_attr if {
	result.fail_attr(_r, "acl", "bad") == {"msg": "bad", "resource": "module.a.aws_s3_bucket.b[0]", "attribute": "acl"}
}

test_fail_attr_without_attribute if {
	result.fail_attr(_r, "", "bad") == {"msg": "bad", "resource": "module.a.aws_s3_bucket.b[0]"}
}

test_unknown if {
	result.unknown(_r, "versioning.0.enabled") == {
		"msg": "versioning.0.enabled is unknown until apply",
		"resource": "module.a.aws_s3_bucket.b[0]",
		"attribute": "versioning.0.enabled",
	}
}

test_unknown_via if {
	result.unknown_via(_r, {"address": "aws_s3_bucket_versioning.v"}, "versioning_configuration.status") == {
		"msg": "versioning_configuration.status of aws_s3_bucket_versioning.v is unknown until apply",
		"resource": "module.a.aws_s3_bucket.b[0]",
	}
}

test_unknown_msg if {
	result.unknown_msg(_r, "policy", "maybe") == {"msg": "maybe", "resource": "module.a.aws_s3_bucket.b[0]", "attribute": "policy"}
	result.unknown_msg(_r, "", "maybe") == {"msg": "maybe", "resource": "module.a.aws_s3_bucket.b[0]"}
}
