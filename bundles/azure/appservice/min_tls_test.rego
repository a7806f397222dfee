package tenet.azure.appservice.min_tls_test

import rego.v1

import data.tenet.azure.appservice.min_tls as check
import data.tenet.lib.fixtures

test_deny_tls_1_0 if {
	app := fixtures.resource("azurerm_linux_web_app", "web", {"site_config": [{"minimum_tls_version": "1.0"}]})
	check.deny == {{
		"msg": "site_config.minimum_tls_version is 1.0: clients may connect with TLS older than 1.2",
		"resource": "azurerm_linux_web_app.web",
		"attribute": "site_config.minimum_tls_version",
	}} with input as fixtures.plan([app])
}

test_deny_v2_app_service_tls_1_1 if {
	app := fixtures.resource("azurerm_app_service", "old", {"site_config": [{"min_tls_version": "1.1"}]})
	{f.attribute | some f in check.deny} == {"site_config.min_tls_version"} with input as fixtures.state([app])
}

test_allow_tls_1_2_and_defaults if {
	inp := fixtures.plan([
		fixtures.resource("azurerm_windows_function_app", "fn", {"site_config": [{"minimum_tls_version": "1.2"}]}),
		fixtures.resource("azurerm_function_app", "old", {"site_config": [{"min_tls_version": "1.3"}]}),
		fixtures.computed(fixtures.resource("azurerm_app_service", "computed", {}), ["site_config"]),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_minimum_tls_version if {
	app := fixtures.with_unknown(fixtures.resource("azurerm_linux_web_app", "web", {"site_config": [{}]}), ["site_config.0.minimum_tls_version"])
	inp := fixtures.plan([app])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"site_config.minimum_tls_version"} with input as inp
}

test_unknown_site_config_through_local if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("azurerm_linux_web_app", "web", {}), ["site_config"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"site_config.minimum_tls_version"} with input as inp
}
