package tenet.azure.appservice.client_certificates_test

import rego.v1

import data.tenet.azure.appservice.client_certificates as check
import data.tenet.lib.fixtures

test_deny_certificates_off if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"client_certificate_enabled": false, "client_certificate_mode": "Required"})
	check.deny == {{
		"msg": "client_certificate_enabled is not true: clients connect without a certificate",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "client_certificate_enabled",
	}} with input as fixtures.plan([app])
}

test_deny_optional_mode if {
	app := fixtures.resource("azurerm_windows_function_app", "fn", {"client_certificate_enabled": true, "client_certificate_mode": "Optional"})
	check.deny == {{
		"msg": "client_certificate_mode is Optional: clients without a certificate are let in",
		"resource": "azurerm_windows_function_app.fn",
		"attribute": "client_certificate_mode",
	}} with input as fixtures.plan([app])
}

test_deny_v2_types if {
	inp := fixtures.state([
		fixtures.resource("azurerm_app_service", "old", {}),
		fixtures.resource("azurerm_app_service", "opt", {"client_cert_enabled": true, "client_cert_mode": "OptionalInteractiveUser"}),
		fixtures.resource("azurerm_function_app", "fn", {}),
		fixtures.resource("azurerm_function_app", "fnopt", {"client_cert_mode": "Optional"}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_app_service.old", "client_cert_enabled"],
		["azurerm_app_service.opt", "client_cert_mode"],
		["azurerm_function_app.fn", "client_cert_mode"],
		["azurerm_function_app.fnopt", "client_cert_mode"],
	} with input as inp
	"client_cert_mode is not set: the function app does not ask clients for a certificate" in {f.msg | some f in check.deny} with input as inp
}

test_allow_required if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_linux_web_app", "a", {"client_certificate_enabled": true, "client_certificate_mode": "Required"}),
		fixtures.resource("azurerm_linux_function_app", "b", {"client_certificate_enabled": true}),
		fixtures.resource("azurerm_app_service", "c", {"client_cert_enabled": true}),
		fixtures.resource("azurerm_function_app", "d", {"client_cert_mode": "Required"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([fixtures.resource("azurerm_app_service", "c", {"client_cert_enabled": true, "client_cert_mode": "Required"})])
}

test_unknown_flag_and_mode if {
	inp := fixtures.plan([
		fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"client_certificate_mode": "Required"}), ["client_certificate_enabled"]),
		fixtures.with_unknown(fixtures.resource("azurerm_windows_web_app", "b", {"client_certificate_enabled": true}), ["client_certificate_mode"]),
		fixtures.from_local(fixtures.resource("azurerm_function_app", "c", {}), ["client_cert_mode"]),
	])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["azurerm_linux_web_app.a", "client_certificate_enabled"],
		["azurerm_windows_web_app.b", "client_certificate_mode"],
		["azurerm_function_app.c", "client_cert_mode"],
	} with input as inp
}

test_unknown_mode_ignored_when_off if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "a", {"client_certificate_enabled": false}), ["client_certificate_mode"])])
	{f.attribute | some f in check.deny} == {"client_certificate_enabled"} with input as inp
	check.unknown == set() with input as inp
}
