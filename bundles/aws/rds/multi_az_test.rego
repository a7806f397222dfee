package tenet.aws.rds.multi_az_test

import rego.v1

import data.tenet.aws.rds.multi_az as check
import data.tenet.lib.fixtures

_db(name, values) := fixtures.resource("aws_db_instance", name, object.union({"engine": "postgres"}, values))

test_deny_single_az if {
	check.deny == {{
		"msg": "multi_az is not true: the instance runs in a single availability zone",
		"resource": "aws_db_instance.main",
		"attribute": "multi_az",
	}} with input as fixtures.state([_db("main", {"multi_az": false, "tags": {"Environment": "prod"}})])
}

test_deny_computed_default if {
	db := fixtures.computed(_db("main", {}), ["multi_az"])
	{f.resource | some f in check.deny} == {"aws_db_instance.main"} with input as fixtures.plan([db])
}

test_allow_multi_az_non_production_and_express if {
	inp := fixtures.plan([
		_db("prod", {"multi_az": true}),
		_db("dev", {"multi_az": false, "tags": {"env": "dev"}}),
		_db("express", {"engine": "sqlserver-ex", "multi_az": false}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_from_expression if {
	db := fixtures.with_refs(fixtures.with_unknown(_db("main", {}), ["multi_az"]), {"multi_az": ["data.aws_ssm_parameter.ha"]})
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.main"} with input as inp
}

test_allow_non_production_by_environment_key_forms if {
	inp := fixtures.plan([
		_db("a", {"multi_az": false, "tags": {"AppEnvironment": "Staging"}}),
		_db("b", {"multi_az": false, "tags_all": {"team:stage": "dev01"}}),
		_db("c", {"multi_az": false, "tags": {"Tier": "non-prod"}}),
	])
	check.deny == set() with input as inp
}

test_deny_production_or_conflicting_environment_tags if {
	inp := fixtures.plan([
		_db("a", {"multi_az": false, "tags": {"app_env": "prod-eu-1"}}),
		_db("b", {"multi_az": false, "tags": {"env": "dev", "stage": "production"}}),
		_db("c", {"multi_az": false, "tags": {"stage_owner": "qa"}}),
	])
	{f.resource | some f in check.deny} == {"aws_db_instance.a", "aws_db_instance.b", "aws_db_instance.c"} with input as inp
}

# Issue 14 (../shared/repro/locals_plan.json): set through a local or
# each.value, no reference, unknown until apply.
test_unknown_multi_az_through_local if {
	inp := fixtures.plan([fixtures.from_local(_db("main", {}), ["multi_az"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"multi_az"} with input as inp
}
