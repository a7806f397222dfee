package tenet.aws.dms.public_access_test

import rego.v1

import data.tenet.aws.dms.public_access as check
import data.tenet.lib.fixtures

_instance(values) := fixtures.resource("aws_dms_replication_instance", "dms", object.union({"replication_instance_id": "dms", "replication_instance_class": "dms.t3.medium"}, values))

test_deny_public if {
	check.deny == {{"msg": "publicly_accessible is true: the replication instance has a public address", "resource": "aws_dms_replication_instance.dms", "attribute": "publicly_accessible"}} with input as fixtures.plan([_instance({"publicly_accessible": true})])
}

test_allow_private_or_left_out if {
	left_out := fixtures.computed(_instance({}), ["publicly_accessible"])
	inp := fixtures.plan([left_out])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_instance({"publicly_accessible": false})])
}

test_unknown_through_a_local if {
	inp := fixtures.plan([fixtures.from_local(_instance({}), ["publicly_accessible"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "publicly_accessible is unknown until apply", "resource": "aws_dms_replication_instance.dms", "attribute": "publicly_accessible"}} with input as inp
}
