package tenet.azure.appservice.ftps_test

import rego.v1

import data.tenet.azure.appservice.ftps as check
import data.tenet.lib.fixtures

test_deny_all_allowed if {
	app := fixtures.resource("azurerm_windows_web_app", "web", {"site_config": [{"ftps_state": "AllAllowed"}]})
	check.deny == {{
		"msg": "site_config.ftps_state is AllAllowed: deployments may use plain FTP",
		"resource": "azurerm_windows_web_app.web",
		"attribute": "site_config.ftps_state",
	}} with input as fixtures.plan([app])
}

test_deny_v2_app_service_unset_in_state if {
	app := fixtures.resource("azurerm_app_service", "old", {"site_config": [{"ftps_state": ""}]})
	inp := fixtures.state([app])
	{f.msg | some f in check.deny} == {"site_config.ftps_state is not set: Azure's default allows plain FTP"} with input as fixtures.state([fixtures.resource("azurerm_app_service", "old", {"site_config": [{}]})])
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_app_service", "old", {"site_config": [{"ftps_state": "FtpsOnly"}]})])
	count(check.deny) == 1 with input as inp
}

test_deny_v2_computed_site_config if {
	app := fixtures.computed(fixtures.resource("azurerm_function_app", "fn", {}), ["site_config"])
	inp := fixtures.plan([app])
	{f.resource | some f in check.deny} == {"azurerm_function_app.fn"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_ftps_only_disabled_or_v3_default if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_linux_web_app", "a", {"site_config": [{"ftps_state": "FtpsOnly"}]}),
		fixtures.resource("azurerm_linux_function_app", "b", {"site_config": [{"ftps_state": "Disabled"}]}),
		fixtures.resource("azurerm_windows_function_app", "c", {"site_config": [{}]}),
	])
	check.deny == set() with input as inp
}

test_unknown_v2_computed_ftps_state if {
	app := fixtures.with_unknown(fixtures.resource("azurerm_function_app", "fn", {"site_config": [{}]}), ["site_config.0.ftps_state"])
	inp := fixtures.plan([app])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["azurerm_function_app.fn", "site_config.ftps_state"]} with input as inp
}

test_unknown_site_config_through_local if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("azurerm_function_app", "fn", {}), ["site_config"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"site_config.ftps_state"} with input as inp
}
