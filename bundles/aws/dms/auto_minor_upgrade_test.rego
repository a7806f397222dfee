package tenet.aws.dms.auto_minor_upgrade_test

import rego.v1

import data.tenet.aws.dms.auto_minor_upgrade as check
import data.tenet.lib.fixtures

_instance(values) := fixtures.resource("aws_dms_replication_instance", "dms", object.union({"replication_instance_id": "dms", "replication_instance_class": "dms.t3.medium"}, values))

_msg := "auto_minor_version_upgrade is not true: minor engine versions are not applied automatically"

test_deny_off_or_left_out if {
	check.deny == {{"msg": _msg, "resource": "aws_dms_replication_instance.dms", "attribute": "auto_minor_version_upgrade"}} with input as fixtures.state([_instance({"auto_minor_version_upgrade": false})])
	check.deny == {{"msg": _msg, "resource": "aws_dms_replication_instance.dms", "attribute": "auto_minor_version_upgrade"}} with input as fixtures.plan([fixtures.computed(_instance({}), ["auto_minor_version_upgrade"])])
}

test_allow_on if {
	inp := fixtures.plan([_instance({"auto_minor_version_upgrade": true})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_a_local if {
	inp := fixtures.plan([fixtures.from_local(_instance({}), ["auto_minor_version_upgrade"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "auto_minor_version_upgrade is unknown until apply", "resource": "aws_dms_replication_instance.dms", "attribute": "auto_minor_version_upgrade"}} with input as inp
}
