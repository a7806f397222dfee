package tenet.aws.rds.backup_retention_test

import rego.v1

import data.tenet.aws.rds.backup_retention as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("aws_db_instance", "main", object.union({"engine": "postgres"}, values))

test_deny_disabled_or_short if {
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-mysql", "backup_retention_period": 3})
	check.deny == {
		{"msg": "backup_retention_period is 0 day(s), below the minimum of 7", "resource": "aws_db_instance.main", "attribute": "backup_retention_period"},
		{"msg": "backup_retention_period is 3 day(s), below the minimum of 7", "resource": "aws_rds_cluster.aurora", "attribute": "backup_retention_period"},
	} with input as fixtures.plan([_db({"backup_retention_period": 0}), c])
}

test_deny_left_to_api_default if {
	db := fixtures.computed(_db({}), ["backup_retention_period"])
	check.deny == {{"msg": "backup_retention_period is 1 day(s), below the minimum of 7", "resource": "aws_db_instance.main", "attribute": "backup_retention_period"}} with input as fixtures.plan([db])
}

test_allow_week_or_more_and_replicas if {
	replica := fixtures.resource("aws_db_instance", "replica", {"engine": "postgres", "replicate_source_db": "main", "backup_retention_period": 0})
	member := fixtures.resource("aws_db_instance", "member", {"engine": "aurora-postgresql"})
	inp := fixtures.state([_db({"backup_retention_period": 7}), replica, member])
	check.deny == set() with input as inp
}

test_unknown_from_variable_resource if {
	db := fixtures.with_refs(fixtures.with_unknown(_db({}), ["backup_retention_period"]), {"backup_retention_period": ["data.aws_ssm_parameter.days"]})
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"backup_retention_period"} with input as inp
}

# Regression: infracost-terraform_v0.14_state.json, a primary instance whose
# state records replicate_source_db = "" was skipped as a replica.
test_deny_infracost_state_primary_with_empty_source if {
	db := fixtures.resource("aws_db_instance", "this", {"engine": "mysql", "backup_retention_period": 0, "replicate_source_db": ""})
	{f.resource | some f in check.deny} == {"aws_db_instance.this"} with input as fixtures.state([db])
}

# Issue 14 (../shared/repro/locals_plan.json): set through a local or
# each.value, no reference, unknown until apply.
test_unknown_retention_through_local if {
	inp := fixtures.plan([fixtures.from_local(_db({}), ["backup_retention_period"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"backup_retention_period"} with input as inp
}
