package tenet.aws.rds.storage_encrypted_test

import rego.v1

import data.tenet.aws.rds.storage_encrypted as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("aws_db_instance", "main", object.union({"engine": "postgres", "instance_class": "db.t4g.medium"}, values))

test_deny_when_attribute_missing if {
	check.deny == {{"msg": "storage_encrypted is not true", "resource": "aws_db_instance.main", "attribute": "storage_encrypted"}} with input as fixtures.plan([_db({})])
}

test_deny_when_false if {
	{f.resource | some f in check.deny} == {"aws_db_instance.main"} with input as fixtures.plan([_db({"storage_encrypted": false})])
}

test_deny_cluster if {
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-postgresql", "storage_encrypted": false})
	{f.resource | some f in check.deny} == {"aws_rds_cluster.aurora"} with input as fixtures.state([c])
}

test_allow_encrypted if {
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-mysql", "storage_encrypted": true})
	check.deny == set() with input as fixtures.plan([_db({"storage_encrypted": true}), c])
}

test_allow_read_replica_and_serverless_v1 if {
	replica := fixtures.with_unknown(_db({}), ["replicate_source_db"])
	serverless := fixtures.resource("aws_rds_cluster", "sls", {"engine": "aurora-mysql", "engine_mode": "serverless"})
	inp := fixtures.plan([replica, serverless])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_storage_encrypted if {
	c := fixtures.with_unknown(fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-postgresql"}), ["storage_encrypted"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "storage_encrypted is unknown until apply", "resource": "aws_rds_cluster.aurora", "attribute": "storage_encrypted"}} with input as inp
}

# infracost-terraform_v0.14_state.json: state writes replicate_source_db = ""
# for a primary; it was skipped as a replica.
test_deny_infracost_state_primary_with_empty_source if {
	db := fixtures.resource("aws_db_instance", "mysql", {"engine": "mysql", "replicate_source_db": "", "storage_encrypted": false})
	{f.resource | some f in check.deny} == {"aws_db_instance.mysql"} with input as fixtures.state([db])
}
