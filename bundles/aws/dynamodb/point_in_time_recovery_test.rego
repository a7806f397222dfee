package tenet.aws.dynamodb.point_in_time_recovery_test

import rego.v1

import data.tenet.aws.dynamodb.point_in_time_recovery as check
import data.tenet.lib.fixtures

_table(values) := fixtures.resource("aws_dynamodb_table", "orders", object.union({"name": "orders", "hash_key": "id"}, values))

test_deny_computed_block_in_plan if {
	t := fixtures.computed(_table({}), ["point_in_time_recovery", "arn"])
	check.deny == {{
		"msg": "point_in_time_recovery.enabled is not true",
		"resource": "aws_dynamodb_table.orders",
		"attribute": "point_in_time_recovery.enabled",
	}} with input as fixtures.plan([t])
}

test_deny_disabled_in_state if {
	t := _table({"point_in_time_recovery": [{"enabled": false}]})
	{f.resource | some f in check.deny} == {"aws_dynamodb_table.orders"} with input as fixtures.state([t])
}

test_allow_enabled if {
	inp := fixtures.plan([_table({"point_in_time_recovery": [{"enabled": true}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_enabled if {
	t := fixtures.with_unknown(_table({"point_in_time_recovery": [{}]}), ["point_in_time_recovery.0.enabled"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_dynamodb_table.orders"} with input as inp
}

test_unknown_block_through_local if {
	t := fixtures.from_local(_table({}), ["point_in_time_recovery"])
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"point_in_time_recovery.enabled"} with input as inp
}
