package tenet.aws.ec2.ebs_encryption_test

import rego.v1

import data.tenet.aws.ec2.ebs_encryption as check
import data.tenet.lib.fixtures

_volume(values) := fixtures.resource("aws_ebs_volume", "scratch", object.union({"availability_zone": "eu-west-1a", "size": 100}, values))

_finding := {"msg": "the volume is not encrypted", "resource": "aws_ebs_volume.scratch", "attribute": "encrypted"}

test_deny_unencrypted if {
	check.deny == {_finding} with input as fixtures.plan([_volume({"encrypted": false})])
}

test_deny_unencrypted_in_state if {
	check.deny == {_finding} with input as fixtures.state([_volume({"encrypted": false})])
}

test_deny_when_snapshot_is_not_encrypted if {
	snap := fixtures.resource("aws_ebs_snapshot", "base", {"id": "snap-1", "encrypted": false})
	check.deny == {_finding} with input as fixtures.state([snap, _volume({"encrypted": false, "snapshot_id": "snap-1"})])
}

test_allow_encrypted if {
	check.deny == set() with input as fixtures.plan([_volume({"encrypted": true})])
}

test_allow_account_default_encryption_declared if {
	d := fixtures.resource("aws_ebs_encryption_by_default", "this", {"enabled": true})
	inp := fixtures.plan([d, _volume({"encrypted": false})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_deny_when_account_default_is_disabled if {
	d := fixtures.resource("aws_ebs_encryption_by_default", "this", {"enabled": false})
	check.deny == {_finding} with input as fixtures.plan([d, _volume({"encrypted": false})])
}

test_allow_volume_from_encrypted_snapshot if {
	snap := fixtures.resource("aws_ebs_snapshot", "base", {"encrypted": true})
	v := fixtures.points_at(_volume({"encrypted": false}), "snapshot_id", snap)
	check.deny == set() with input as fixtures.plan([snap, v])
}

test_unknown_when_encrypted_left_to_apply if {
	v := fixtures.with_unknown(_volume({}), ["encrypted", "id", "kms_key_id"])
	inp := fixtures.plan([v])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "encrypted is unknown until apply", "resource": "aws_ebs_volume.scratch", "attribute": "encrypted"}} with input as inp
}
