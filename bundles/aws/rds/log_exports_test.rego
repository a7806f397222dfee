package tenet.aws.rds.log_exports_test

import rego.v1

import data.tenet.aws.rds.log_exports as check
import data.tenet.lib.fixtures

_db(name, engine, logs) := fixtures.resource("aws_db_instance", name, {"engine": engine, "enabled_cloudwatch_logs_exports": logs})

test_deny_missing_types if {
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-mysql", "enabled_cloudwatch_logs_exports": ["slowquery"]})
	check.deny == {
		{"msg": "enabled_cloudwatch_logs_exports lacks postgresql", "resource": "aws_db_instance.pg", "attribute": "enabled_cloudwatch_logs_exports"},
		{"msg": "enabled_cloudwatch_logs_exports lacks audit, error", "resource": "aws_rds_cluster.aurora", "attribute": "enabled_cloudwatch_logs_exports"},
	} with input as fixtures.plan([_db("pg", "postgres", null), c])
}

test_deny_other_engine_without_exports if {
	check.deny == {{
		"msg": "enabled_cloudwatch_logs_exports is empty: no database log reaches CloudWatch",
		"resource": "aws_db_instance.custom",
		"attribute": "enabled_cloudwatch_logs_exports",
	}} with input as fixtures.state([_db("custom", "custom-sqlserver-ee", [])])
}

test_allow_engine_log_types if {
	inp := fixtures.plan([
		_db("pg", "postgres", ["postgresql", "upgrade"]),
		_db("my", "mysql", ["audit", "error", "general"]),
		_db("ms", "sqlserver-se", ["agent", "error"]),
		_db("ora", "oracle-ee", ["alert", "audit", "listener"]),
		_db("db2", "db2-se", ["diag.log", "notify.log"]),
		_db("member", "aurora-postgresql", []),
		fixtures.resource("aws_rds_cluster", "maz", {"engine": "mysql", "enabled_cloudwatch_logs_exports": ["error", "slowquery"]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_exports if {
	db := fixtures.with_unknown(fixtures.resource("aws_db_instance", "pg", {"engine": "postgres"}), ["enabled_cloudwatch_logs_exports"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.pg"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_engine_through_local if {
	db := fixtures.from_local(fixtures.resource("aws_db_instance", "db", {"enabled_cloudwatch_logs_exports": ["error"]}), ["engine"])
	check.deny == set() with input as fixtures.plan([db])
	{f.attribute | some f in check.unknown} == {"engine"} with input as fixtures.plan([db])
}
