package tenet.azure.compute.linux_password_auth_test

import rego.v1

import data.tenet.azure.compute.linux_password_auth as check
import data.tenet.lib.fixtures

test_deny_linux_vm_with_passwords if {
	vm := fixtures.resource("azurerm_linux_virtual_machine", "web", {"name": "web", "disable_password_authentication": false})
	check.deny == {{
		"msg": "disable_password_authentication is false: the machine accepts password logins over SSH",
		"resource": "azurerm_linux_virtual_machine.web",
		"attribute": "disable_password_authentication",
	}} with input as fixtures.plan([vm])
}

test_deny_scale_set_and_legacy_vm if {
	vmss := fixtures.resource("azurerm_linux_virtual_machine_scale_set", "pool", {"disable_password_authentication": false})
	legacy := fixtures.resource("azurerm_virtual_machine", "old", {"os_profile_linux_config": [{"disable_password_authentication": false}]})
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_linux_virtual_machine_scale_set.pool", "disable_password_authentication"],
		["azurerm_virtual_machine.old", "os_profile_linux_config.disable_password_authentication"],
	} with input as fixtures.state([vmss, legacy])
}

test_allow_keys_only_and_windows_legacy_vm if {
	vm := fixtures.resource("azurerm_linux_virtual_machine", "web", {"disable_password_authentication": true})
	windows := fixtures.resource("azurerm_virtual_machine", "win", {"os_profile_linux_config": [], "os_profile_windows_config": [{"provision_vm_agent": true}]})
	check.deny == set() with input as fixtures.plan([vm, windows])
}

test_unknown_password_setting if {
	vm := fixtures.with_unknown(fixtures.resource("azurerm_linux_virtual_machine", "web", {}), ["disable_password_authentication"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"disable_password_authentication"} with input as inp
}
