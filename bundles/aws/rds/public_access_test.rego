package tenet.aws.rds.public_access_test

import rego.v1

import data.tenet.aws.rds.public_access as check
import data.tenet.lib.fixtures

test_deny_public_instance if {
	db := fixtures.resource("aws_db_instance", "main", {"engine": "mysql", "publicly_accessible": true})
	check.deny == {{"msg": "the instance is publicly accessible", "resource": "aws_db_instance.main", "attribute": "publicly_accessible"}} with input as fixtures.plan([db])
}

test_deny_public_cluster_instance_in_module if {
	db := fixtures.in_module(fixtures.with_index(fixtures.resource("aws_rds_cluster_instance", "this", {"publicly_accessible": true}), 0), "module.db")
	{f.resource | some f in check.deny} == {"module.db.aws_rds_cluster_instance.this[0]"} with input as fixtures.plan([db])
}

test_allow_private_or_default if {
	a := fixtures.resource("aws_db_instance", "a", {"publicly_accessible": false})
	b := fixtures.resource("aws_rds_cluster_instance", "b", {})
	inp := fixtures.plan([a, b])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_deleted_instance_ignored if {
	db := fixtures.with_action(fixtures.resource("aws_db_instance", "old", {"publicly_accessible": true}), "delete")
	check.deny == set() with input as fixtures.plan([db])
}

test_unknown_publicly_accessible if {
	db := fixtures.with_unknown(fixtures.resource("aws_db_instance", "main", {}), ["publicly_accessible"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "publicly_accessible is unknown until apply", "resource": "aws_db_instance.main", "attribute": "publicly_accessible"}} with input as inp
}
