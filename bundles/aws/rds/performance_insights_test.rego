package tenet.aws.rds.performance_insights_test

import rego.v1

import data.tenet.aws.rds.performance_insights as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("aws_db_instance", "main", object.union({"engine": "postgres", "instance_class": "db.m7g.large"}, values))

test_deny_off if {
	check.deny == {{
		"msg": "performance_insights_enabled is not true: the database load is not recorded",
		"resource": "aws_db_instance.main",
		"attribute": "performance_insights_enabled",
	}} with input as fixtures.plan([_db({"performance_insights_enabled": false})])
}

test_deny_cluster_instance_left_out if {
	i := fixtures.resource("aws_rds_cluster_instance", "writer", {"instance_class": "db.r6g.large"})
	{f.resource | some f in check.deny} == {"aws_rds_cluster_instance.writer"} with input as fixtures.state([i])
}

test_allow_on if {
	inp := fixtures.plan([_db({"performance_insights_enabled": true})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unsupported_class_not_judged if {
	inp := fixtures.plan([_db({"instance_class": "db.t3.micro", "performance_insights_enabled": false})])
	check.deny == set() with input as inp
}

test_unknown if {
	db := fixtures.from_local(_db({}), ["performance_insights_enabled"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"performance_insights_enabled"} with input as inp
}
