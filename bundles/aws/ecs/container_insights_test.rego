package tenet.aws.ecs.container_insights_test

import rego.v1

import data.tenet.aws.ecs.container_insights as check
import data.tenet.lib.fixtures

_cluster(settings) := fixtures.resource("aws_ecs_cluster", "main", {"name": "main", "setting": settings})

test_deny_off_or_missing if {
	check.deny == {{"msg": `the containerInsights setting is "disabled": Container Insights is off`, "resource": "aws_ecs_cluster.main", "attribute": "setting"}} with input as fixtures.plan([_cluster([{"name": "containerInsights", "value": "disabled"}])])
	check.deny == {{"msg": "no containerInsights setting, for the cluster or the account: Container Insights is off", "resource": "aws_ecs_cluster.main", "attribute": "setting"}} with input as fixtures.state([_cluster([])])

	# A cluster's own setting overrides the account default.
	account := fixtures.resource("aws_ecs_account_setting_default", "insights", {"name": "containerInsights", "value": "enabled"})
	count(check.deny) == 1 with input as fixtures.state([_cluster([{"name": "containerInsights", "value": "disabled"}]), account])
}

test_allow_enabled if {
	account := fixtures.resource("aws_ecs_account_setting_default", "insights", {"name": "containerInsights", "value": "enhanced"})
	inp := fixtures.plan([
		_cluster([{"name": "containerInsights", "value": "enabled"}]),
		fixtures.patch(_cluster([]), {"address": "aws_ecs_cluster.other"}),
		account,
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_values if {
	value := fixtures.from_local(_cluster([{"name": "containerInsights"}]), ["setting.0.value"])
	inp := fixtures.plan([value])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "setting.0.value is unknown until apply", "resource": "aws_ecs_cluster.main", "attribute": "setting.0.value"}} with input as inp
	block := fixtures.from_local(fixtures.resource("aws_ecs_cluster", "main", {"name": "main"}), ["setting"])
	check.unknown == {{"msg": "setting is unknown until apply", "resource": "aws_ecs_cluster.main", "attribute": "setting"}} with input as fixtures.plan([block])
	check.deny == set() with input as fixtures.plan([block])
}
