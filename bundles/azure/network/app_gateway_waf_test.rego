package tenet.azure.network.app_gateway_waf_test

import rego.v1

import data.tenet.azure.network.app_gateway_waf as check
import data.tenet.lib.fixtures

_gw(values) := fixtures.resource("azurerm_application_gateway", "front", object.union({"name": "front"}, values))

_policy(settings) := fixtures.with_unknown(fixtures.resource("azurerm_web_application_firewall_policy", "waf", {"name": "waf", "policy_settings": [settings]}), ["id"])

_with_policy(policy) := fixtures.with_unknown(fixtures.with_refs(_gw({}), {"firewall_policy_id": [policy.config_address]}), ["firewall_policy_id"])

test_deny_without_waf if {
	check.deny == {{
		"msg": "neither firewall_policy_id nor waf_configuration is set: no web application firewall",
		"resource": "azurerm_application_gateway.front",
	}} with input as fixtures.plan([_gw({"firewall_policy_id": null, "waf_configuration": []})])
}

test_deny_inline_detection_mode if {
	check.deny == {{
		"msg": "waf_configuration.firewall_mode is Detection: attacks are logged, not blocked",
		"resource": "azurerm_application_gateway.front",
		"attribute": "waf_configuration.firewall_mode",
	}} with input as fixtures.plan([_gw({"waf_configuration": [{"enabled": true, "firewall_mode": "Detection"}]})])
}

test_deny_inline_disabled if {
	{f.attribute | some f in check.deny} == {"waf_configuration.enabled"} with input as fixtures.state([_gw({"waf_configuration": [{"enabled": false, "firewall_mode": "Prevention"}]})])
}

test_deny_policy_in_detection_mode if {
	p := _policy({"enabled": true, "mode": "Detection"})
	check.deny == {{
		"msg": "policy_settings.mode of azurerm_web_application_firewall_policy.waf is Detection: attacks are logged, not blocked",
		"resource": "azurerm_application_gateway.front",
	}} with input as fixtures.plan([_with_policy(p), p])
}

test_allow_policy_in_prevention_mode if {
	p := _policy({"enabled": true, "mode": "Prevention"})
	check.deny == set() with input as fixtures.plan([_with_policy(p), p])
	check.unknown == set() with input as fixtures.plan([_with_policy(p), p])
}

test_allow_inline_prevention if {
	check.deny == set() with input as fixtures.plan([_gw({"waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]})])
}

test_unknown_policy_mode if {
	p := fixtures.with_unknown(_policy({"enabled": true}), ["policy_settings.0.mode"])
	inp := fixtures.plan([_with_policy(p), p])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {"policy_settings.mode of azurerm_web_application_firewall_policy.waf is unknown until apply"} with input as inp
}

test_unknown_inline_firewall_mode if {
	gw := fixtures.with_unknown(_gw({"waf_configuration": [{"enabled": true}]}), ["waf_configuration.0.firewall_mode"])
	inp := fixtures.plan([gw])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"waf_configuration.firewall_mode"} with input as inp
}

test_unknown_policy_id_through_local if {
	gw := fixtures.from_local(_gw({}), ["firewall_policy_id"])
	check.deny == set() with input as fixtures.plan([gw])
	{f.attribute | some f in check.unknown} == {"firewall_policy_id"} with input as fixtures.plan([gw])
}

test_unknown_waf_configuration_through_local if {
	gw := fixtures.from_local(_gw({}), ["waf_configuration"])
	check.deny == set() with input as fixtures.plan([gw])
	{f.attribute | some f in check.unknown} == {"waf_configuration"} with input as fixtures.plan([gw])
}
