package tenet.aws.ec2.ebs_default_encryption_test

import rego.v1

import data.tenet.aws.ec2.ebs_default_encryption as check
import data.tenet.lib.fixtures

_default(values) := fixtures.resource("aws_ebs_encryption_by_default", "this", values)

test_deny_disabled if {
	check.deny == {{
		"msg": "EBS encryption by default is disabled (enabled = false)",
		"resource": "aws_ebs_encryption_by_default.this",
		"attribute": "enabled",
	}} with input as fixtures.plan([_default({"enabled": false})])
}

test_allow_enabled_or_default if {
	check.deny == set() with input as fixtures.plan([_default({"enabled": true})])
	check.deny == set() with input as fixtures.state([_default({})])
}

test_allow_absent_resource if {
	check.deny == set() with input as fixtures.plan([fixtures.resource("aws_ebs_volume", "v", {"encrypted": false})])
}

test_unknown_enabled if {
	inp := fixtures.plan([fixtures.with_unknown(_default({}), ["enabled"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_ebs_encryption_by_default.this"} with input as inp
}
