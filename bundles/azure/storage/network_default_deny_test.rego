package tenet.azure.storage.network_default_deny_test

import rego.v1

import data.tenet.azure.storage.network_default_deny as check
import data.tenet.lib.fixtures

_sa(values) := fixtures.resource("azurerm_storage_account", "main", object.union({"name": "acmemain"}, values))

# A v3/v4 account on create: id and the computed inline block are unknown.
_new_sa := fixtures.computed(fixtures.with_configured(_sa({}), ["name"]), ["id", "network_rules"])

_rules(action) := fixtures.resource("azurerm_storage_account_network_rules", "main", {"default_action": action, "bypass": ["AzureServices"]})

test_deny_inline_allow if {
	check.deny == {{
		"msg": "network_rules.default_action is Allow: every network can reach the account",
		"resource": "azurerm_storage_account.main",
		"attribute": "network_rules.default_action",
	}} with input as fixtures.plan([_sa({"network_rules": [{"default_action": "Allow"}]})])
}

test_deny_without_rules if {
	check.deny == {{
		"msg": "no network_rules (inline or azurerm_storage_account_network_rules): network access defaults to Allow",
		"resource": "azurerm_storage_account.main",
		"attribute": "network_rules",
	}} with input as fixtures.plan([_new_sa])
}

test_deny_separate_rules_allow if {
	inp := fixtures.plan([_new_sa, fixtures.points_at(_rules("Allow"), "storage_account_id", _new_sa)])
	{f.attribute | some f in check.deny} == {"network_rules.default_action"} with input as inp
}

test_allow_inline_deny if {
	check.deny == set() with input as fixtures.plan([_sa({"network_rules": [{"default_action": "Deny"}]})])
}

test_allow_separate_rules_deny_by_reference if {
	inp := fixtures.plan([_new_sa, fixtures.points_at(_rules("Deny"), "storage_account_id", _new_sa)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_separate_rules_by_name_in_state if {
	sa := _sa({"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmemain"})
	rules := fixtures.patch(_rules("Deny"), {"values": {"storage_account_name": "acmemain"}})
	check.deny == set() with input as fixtures.state([sa, rules])
}

test_allow_public_network_access_disabled if {
	check.deny == set() with input as fixtures.plan([_sa({"public_network_access_enabled": false})])
}

test_unknown_default_action_of_separate_rules if {
	rules := fixtures.with_unknown(fixtures.points_at(_rules(null), "storage_account_id", _new_sa), ["default_action"])
	inp := fixtures.plan([_new_sa, rules])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": "default_action of azurerm_storage_account_network_rules.main is unknown until apply",
		"resource": "azurerm_storage_account.main",
	}} with input as inp
}

test_unknown_public_network_access if {
	inp := fixtures.plan([fixtures.with_unknown(_new_sa, ["public_network_access_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"public_network_access_enabled"} with input as inp
}

test_unknown_rules_through_local if {
	inp := fixtures.plan([fixtures.from_local(_sa({}), ["network_rules"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"network_rules.default_action"} with input as inp
}
