package tenet.aws.efs.encryption_test

import rego.v1

import data.tenet.aws.efs.encryption as check
import data.tenet.lib.fixtures

_fs(values) := fixtures.resource("aws_efs_file_system", "shared", values)

test_deny_left_out if {
	check.deny == {{
		"msg": "encrypted is not true: the file system is not encrypted at rest",
		"resource": "aws_efs_file_system.shared",
		"attribute": "encrypted",
	}} with input as fixtures.plan([fixtures.computed(_fs({}), ["encrypted", "arn"])])
}

test_deny_false_in_state if {
	{f.resource | some f in check.deny} == {"aws_efs_file_system.shared"} with input as fixtures.state([_fs({"encrypted": false})])
}

test_allow_encrypted if {
	check.deny == set() with input as fixtures.plan([_fs({"encrypted": true})])
}

test_unknown_from_reference if {
	fs := fixtures.with_refs(fixtures.with_unknown(_fs({}), ["encrypted"]), {"encrypted": ["data.aws_ssm_parameter.flag"]})
	inp := fixtures.plan([fs])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_efs_file_system.shared"} with input as inp
}

# Issue 14 (../shared/repro/locals_plan.json): set through a local or
# each.value, no reference, unknown until apply.
test_unknown_encrypted_through_local if {
	inp := fixtures.plan([fixtures.from_local(_fs({"creation_token": "x"}), ["encrypted"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"encrypted"} with input as inp
}
