package tenet.azure.defender.plans_test

import rego.v1

import data.tenet.azure.defender.plans as check
import data.tenet.lib.fixtures

_pricing(type, tier) := fixtures.resource("azurerm_security_center_subscription_pricing", lower(type), {"resource_type": type, "tier": tier})

_all := [_pricing(t, "Standard") | some t in check._required]

test_deny_free_tier if {
	inp := fixtures.plan(array.concat([p | some p in _all; p.values.resource_type != "KeyVaults"], [_pricing("KeyVaults", "Free")]))
	check.deny == {{
		"msg": "tier is Free for KeyVaults: Defender raises no threat alerts for it",
		"resource": "azurerm_security_center_subscription_pricing.keyvaults",
		"attribute": "tier",
	}} with input as inp
}

test_deny_missing_type if {
	inp := fixtures.state([p | some p in _all; p.values.resource_type != "Arm"])
	{f.msg | some f in check.deny} == {"no azurerm_security_center_subscription_pricing declares resource_type Arm"} with input as inp
}

test_allow_all_standard_and_other_free_types if {
	check.deny == set() with input as fixtures.plan(array.concat(_all, [_pricing("Dns", "Free")]))
	check.deny == set() with input as fixtures.plan([])
}

test_unknown_tier if {
	vm := fixtures.with_unknown(fixtures.resource("azurerm_security_center_subscription_pricing", "vm", {"resource_type": "VirtualMachines"}), ["tier"])
	inp := fixtures.plan(array.concat([p | some p in _all; p.values.resource_type != "VirtualMachines"], [vm]))
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["azurerm_security_center_subscription_pricing.vm", "tier"]} with input as inp
}
