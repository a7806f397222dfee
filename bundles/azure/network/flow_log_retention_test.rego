package tenet.azure.network.flow_log_retention_test

import rego.v1

import data.tenet.azure.network.flow_log_retention as check
import data.tenet.lib.fixtures

_fl(enabled, policy) := fixtures.resource("azurerm_network_watcher_flow_log", "nsg", {"name": "nsg", "enabled": enabled, "retention_policy": policy})

test_deny_short_retention if {
	check.deny == {{
		"msg": "retention_policy.days is 30: flow logs are deleted before 90 days",
		"resource": "azurerm_network_watcher_flow_log.nsg",
		"attribute": "retention_policy.days",
	}} with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 30}])])
}

test_deny_disabled_log_and_retention if {
	{f.attribute | some f in check.deny} == {"enabled", "retention_policy.enabled"} with input as fixtures.state([_fl(false, [{"enabled": false, "days": 0}])])
}

test_deny_without_retention_policy if {
	{f.attribute | some f in check.deny} == {"retention_policy"} with input as fixtures.plan([_fl(true, [])])
}

test_allow_90_days_or_forever if {
	check.deny == set() with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 90}])])
	check.deny == set() with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 0}])])
}

test_unknown_days if {
	fl := fixtures.with_unknown(_fl(true, [{"enabled": true, "days": null}]), ["retention_policy.0.days"])
	inp := fixtures.plan([fl])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"retention_policy.days"} with input as inp
}
