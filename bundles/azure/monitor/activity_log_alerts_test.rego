package tenet.azure.monitor.activity_log_alerts_test

import rego.v1

import data.tenet.azure.monitor.activity_log_alerts as check
import data.tenet.lib.fixtures

_alert(name, op) := fixtures.with_unknown(
	fixtures.resource("azurerm_monitor_activity_log_alert", name, {
		"name": name, "enabled": true,
		"criteria": [{"category": "Administrative", "operation_name": op}],
		"action": [{"webhook_properties": null}],
	}),
	["action.0.action_group_id"],
)

_all := [_alert(sprintf("a%d", [i]), op) | some i, op in check._operations]

test_deny_missing_operations if {
	inp := fixtures.plan(array.slice(_all, 0, 9))
	check.deny == {{
		"msg": "no enabled activity log alert with an action group fires on Microsoft.Network/publicIPAddresses/delete",
		"resource": "azurerm_monitor_activity_log_alert.a0",
	}} with input as inp
}

test_deny_disabled_alert_or_without_action if {
	disabled := fixtures.patch(_all[0], {"values": {"enabled": false}})
	silent := fixtures.patch(_all[1], {"values": {"action": []}})
	inp := fixtures.plan(array.concat([disabled, silent], array.slice(_all, 2, 10)))
	count(check.deny) == 2 with input as inp
}

test_allow_every_operation_covered if {
	check.deny == set() with input as fixtures.plan(_all)
	check.unknown == set() with input as fixtures.plan(_all)
}

test_allow_no_alerts_is_not_applicable if {
	check.deny == set() with input as fixtures.plan([])
}

test_unknown_operation_name if {
	dyn := fixtures.with_unknown(fixtures.patch(_all[9], {"values": {"criteria": [{"category": "Administrative"}]}}), ["criteria.0.operation_name"])
	inp := fixtures.plan(array.concat(array.slice(_all, 0, 9), [dyn]))
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"whether an activity log alert fires on Microsoft.Network/publicIPAddresses/delete is unknown until apply"} with input as inp
}
