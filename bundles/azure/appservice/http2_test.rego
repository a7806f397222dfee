package tenet.azure.appservice.http2_test

import rego.v1

import data.tenet.azure.appservice.http2 as check
import data.tenet.lib.fixtures

test_deny_http2_off if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"site_config": [{"http2_enabled": false}]})
	check.deny == {{
		"msg": "site_config.http2_enabled is not true: the app serves HTTP/1.1 only",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "site_config.http2_enabled",
	}} with input as fixtures.plan([app])
}

test_deny_default_and_v2 if {
	inp := fixtures.state([
		fixtures.resource("azurerm_windows_function_app", "a", {"site_config": [{}]}),
		fixtures.resource("azurerm_app_service", "b", {}),
		fixtures.resource("azurerm_function_app", "c", {"site_config": [{"http2_enabled": false}]}),
	])
	{f.resource | some f in check.deny} == {"azurerm_windows_function_app.a", "azurerm_app_service.b", "azurerm_function_app.c"} with input as inp
}

test_deny_v2_computed_site_config if {
	inp := fixtures.plan([fixtures.computed(fixtures.resource("azurerm_function_app", "fn", {}), ["site_config"])])
	{f.resource | some f in check.deny} == {"azurerm_function_app.fn"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_http2 if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_windows_web_app", "a", {"site_config": [{"http2_enabled": true}]}),
		fixtures.resource("azurerm_linux_function_app", "b", {"site_config": [{"http2_enabled": true}]}),
		fixtures.resource("azurerm_app_service", "c", {"site_config": [{"http2_enabled": true}]}),
	])
	check.deny == set() with input as inp
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_function_app", "d", {"site_config": [{"http2_enabled": true}]})])
}

test_unknown_http2 if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"site_config": [{}]}), ["site_config.0.http2_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "site_config.http2_enabled is unknown until apply",
		"resource": "azurerm_linux_web_app.a",
		"attribute": "site_config.http2_enabled",
	}} with input as inp
}

test_unknown_site_config_through_local if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("azurerm_app_service", "old", {}), ["site_config"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"site_config.http2_enabled"} with input as inp
}
