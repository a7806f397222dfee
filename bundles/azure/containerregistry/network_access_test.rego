package tenet.azure.containerregistry.network_access_test

import rego.v1

import data.tenet.azure.containerregistry.network_access as check
import data.tenet.lib.fixtures

_acr(values) := fixtures.resource("azurerm_container_registry", "main", object.union({"name": "acmeregistry", "sku": "Premium"}, values))

# A registry on create configured without network_rule_set: the provider
# computes the block.
_new_acr := fixtures.computed(fixtures.with_configured(_acr({"public_network_access_enabled": true}), ["name", "sku"]), ["id", "network_rule_set"])

test_deny_without_rule_set if {
	check.deny == {{
		"msg": "no network_rule_set and public network access is enabled: every network can reach the registry",
		"resource": "azurerm_container_registry.main",
		"attribute": "network_rule_set",
	}} with input as fixtures.plan([_new_acr])
	check.unknown == set() with input as fixtures.plan([_new_acr])
}

test_deny_rule_set_allow if {
	check.deny == {{
		"msg": "network_rule_set.default_action is Allow and public network access is enabled: every network can reach the registry",
		"resource": "azurerm_container_registry.main",
		"attribute": "network_rule_set.default_action",
	}} with input as fixtures.plan([_acr({"public_network_access_enabled": true, "network_rule_set": [{"default_action": "Allow", "ip_rule": []}]})])
}

# v2 state: no public_network_access_enabled, the rule set read back empty.
test_deny_v2_state if {
	{f.attribute | some f in check.deny} == {"network_rule_set"} with input as fixtures.state([_acr({"sku": "Standard", "network_rule_set": []})])
}

# default_action left out of a declared block: the provider's Allow.
test_deny_default_action_left_to_provider if {
	acr := fixtures.computed(fixtures.with_configured(_acr({"network_rule_set": [{"ip_rule": [{"action": "Allow", "ip_range": "203.0.113.0/24"}]}]}), ["name", "network_rule_set.ip_rule"]), ["network_rule_set.0.default_action"])
	inp := fixtures.plan([acr])
	{f.attribute | some f in check.deny} == {"network_rule_set.default_action"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_public_network_access_disabled if {
	check.deny == set() with input as fixtures.plan([_acr({"public_network_access_enabled": false})])
	check.deny == set() with input as fixtures.state([_acr({"public_network_access_enabled": false, "network_rule_set": [{"default_action": "Allow"}]})])
}

test_allow_rule_set_deny if {
	acr := _acr({"public_network_access_enabled": true, "network_rule_set": [{"default_action": "Deny", "ip_rule": [{"action": "Allow", "ip_range": "203.0.113.0/24"}]}]})
	check.deny == set() with input as fixtures.plan([acr])
	check.deny == set() with input as fixtures.state([acr])
}

test_unknown_public_network_access if {
	inp := fixtures.plan([fixtures.from_local(_acr({}), ["public_network_access_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "public_network_access_enabled is unknown until apply",
		"resource": "azurerm_container_registry.main",
		"attribute": "public_network_access_enabled",
	}} with input as inp
}

test_unknown_default_action_through_local if {
	acr := fixtures.from_local(_acr({"network_rule_set": [{"ip_rule": []}]}), ["network_rule_set.0.default_action"])
	inp := fixtures.plan([acr])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_rule_set.default_action"} with input as inp
}

test_unknown_rule_set_through_local if {
	inp := fixtures.plan([fixtures.from_local(_acr({}), ["network_rule_set"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_rule_set.default_action"} with input as inp
}
