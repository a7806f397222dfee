package tenet.aws.rds.iam_authentication_test

import rego.v1

import data.tenet.aws.rds.iam_authentication as check
import data.tenet.lib.fixtures

test_deny_password_only if {
	db := fixtures.resource("aws_db_instance", "main", {"engine": "postgres"})
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-mysql", "iam_database_authentication_enabled": false})
	check.deny == {
		{"msg": "iam_database_authentication_enabled is not true", "resource": "aws_db_instance.main", "attribute": "iam_database_authentication_enabled"},
		{"msg": "iam_database_authentication_enabled is not true", "resource": "aws_rds_cluster.aurora", "attribute": "iam_database_authentication_enabled"},
	} with input as fixtures.plan([db, c])
}

test_allow_enabled_and_other_engines if {
	inp := fixtures.state([
		fixtures.resource("aws_db_instance", "pg", {"engine": "postgres", "iam_database_authentication_enabled": true}),
		fixtures.resource("aws_db_instance", "ora", {"engine": "oracle-se2"}),
		fixtures.resource("aws_db_instance", "ms", {"engine": "sqlserver-ex"}),
	])
	check.deny == set() with input as inp
}

test_unknown_flag if {
	db := fixtures.with_unknown(fixtures.resource("aws_db_instance", "main", {"engine": "mysql"}), ["iam_database_authentication_enabled"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.main"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_engine_through_local if {
	db := fixtures.from_local(fixtures.resource("aws_db_instance", "db", {"iam_database_authentication_enabled": false}), ["engine"])
	check.deny == set() with input as fixtures.plan([db])
	{f.attribute | some f in check.unknown} == {"engine"} with input as fixtures.plan([db])
}
