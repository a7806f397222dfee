package tenet.azure.appservice.managed_identity_test

import rego.v1

import data.tenet.azure.appservice.managed_identity as check
import data.tenet.lib.fixtures

test_deny_no_identity if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"name": "web", "identity": []})
	check.deny == {{
		"msg": "no identity block: the app has no managed identity and needs stored credentials to reach other services",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "identity",
	}} with input as fixtures.plan([app])
}

test_deny_v2_types_and_empty_type if {
	inp := fixtures.state([
		fixtures.resource("azurerm_app_service", "old", {}),
		fixtures.resource("azurerm_function_app", "fn", {"identity": [{"type": ""}]}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_app_service.old", "identity"],
		["azurerm_function_app.fn", "identity.type"],
	} with input as inp
}

test_allow_identity if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_windows_web_app", "a", {"identity": [{"type": "SystemAssigned"}]}),
		fixtures.resource("azurerm_linux_function_app", "b", {"identity": [{"type": "UserAssigned", "identity_ids": ["/id"]}]}),
		fixtures.resource("azurerm_app_service", "c", {"identity": [{"type": "SystemAssigned, UserAssigned"}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_windows_function_app", "d", {"identity": [{"type": "SystemAssigned"}]})])
}

test_unknown_identity_type if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"identity": [{}]}), ["identity.0.type"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "identity.type is unknown until apply",
		"resource": "azurerm_linux_web_app.a",
		"attribute": "identity.type",
	}} with input as inp
}

test_unknown_identity_through_local if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("azurerm_windows_function_app", "fn", {}), ["identity"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"identity"} with input as inp
}
