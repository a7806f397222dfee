package tenet.azure.appservice.https_only_test

import rego.v1

import data.tenet.azure.appservice.https_only as check
import data.tenet.lib.fixtures

test_deny_http_allowed if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"name": "web", "https_only": false})
	check.deny == {{
		"msg": "https_only is not true: the app serves plain HTTP",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "https_only",
	}} with input as fixtures.plan([app])
}

test_deny_v2_types_unset if {
	inp := fixtures.state([fixtures.resource("azurerm_app_service", "old", {}), fixtures.resource("azurerm_function_app", "fn", {"https_only": null})])
	{f.resource | some f in check.deny} == {"azurerm_app_service.old", "azurerm_function_app.fn"} with input as inp
}

test_allow_https_only if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_windows_web_app", "web", {"https_only": true}),
		fixtures.resource("azurerm_linux_function_app", "fn", {"https_only": true}),
	])
	check.deny == set() with input as inp
}

test_unknown_https_only if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("azurerm_windows_function_app", "fn", {}), ["https_only"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"https_only"} with input as inp
}
