package tenet.azure.appservice.authentication_test

import rego.v1

import data.tenet.azure.appservice.authentication as check
import data.tenet.lib.fixtures

test_deny_web_app_without_auth if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"name": "web"})
	check.deny == {{
		"msg": "neither auth_settings_v2.auth_enabled nor auth_settings.enabled is true: anonymous requests reach the app",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "auth_settings_v2.auth_enabled",
	}} with input as fixtures.plan([app])
}

test_deny_disabled_blocks if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_windows_web_app", "v1", {"auth_settings": [{"enabled": false}]}),
		fixtures.resource("azurerm_linux_function_app", "v2", {"auth_settings_v2": [{"auth_enabled": false}]}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_windows_web_app.v1", "auth_settings.enabled"],
		["azurerm_linux_function_app.v2", "auth_settings_v2.auth_enabled"],
	} with input as inp
}

test_deny_v2_types_in_state if {
	inp := fixtures.state([
		fixtures.resource("azurerm_app_service", "old", {"auth_settings": [{"enabled": false}]}),
		fixtures.resource("azurerm_function_app", "fn", {}),
	])
	check.deny == {
		{"msg": "auth_settings.enabled is not true: anonymous requests reach the app", "resource": "azurerm_app_service.old", "attribute": "auth_settings.enabled"},
		{"msg": "auth_settings.enabled is not true: anonymous requests reach the app", "resource": "azurerm_function_app.fn", "attribute": "auth_settings.enabled"},
	} with input as inp
}

test_allow_enabled if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_linux_web_app", "a", {"auth_settings_v2": [{"auth_enabled": true}]}),
		fixtures.resource("azurerm_windows_function_app", "b", {"auth_settings": [{"enabled": true}], "auth_settings_v2": []}),
		fixtures.resource("azurerm_app_service", "c", {"auth_settings": [{"enabled": true}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_function_app", "d", {"auth_settings": [{"enabled": true}]})])
}

test_allow_v2_enabled_with_v1_unknown if {
	app := fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"auth_settings": [{}], "auth_settings_v2": [{"auth_enabled": true}]}), ["auth_settings.0.enabled"])
	check.deny == set() with input as fixtures.plan([app])
	check.unknown == set() with input as fixtures.plan([app])
}

test_unknown_auth_enabled if {
	app := fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"auth_settings_v2": [{}]}), ["auth_settings_v2.0.auth_enabled"])
	inp := fixtures.plan([app])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "auth_settings_v2.auth_enabled is unknown until apply",
		"resource": "azurerm_linux_web_app.a",
		"attribute": "auth_settings_v2.auth_enabled",
	}} with input as inp
}

test_unknown_auth_block_through_local if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("azurerm_function_app", "fn", {}), ["auth_settings"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"auth_settings"} with input as inp
}

test_deny_computed_auth_block if {
	inp := fixtures.plan([fixtures.computed(fixtures.resource("azurerm_windows_web_app", "w", {}), ["auth_settings", "auth_settings_v2"])])
	{f.resource | some f in check.deny} == {"azurerm_windows_web_app.w"} with input as inp
	check.unknown == set() with input as inp
}
