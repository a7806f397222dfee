package tenet.azure.iam.custom_owner_role_test

import rego.v1

import data.tenet.azure.iam.custom_owner_role as check
import data.tenet.lib.fixtures

_sub := "/subscriptions/00000000-0000-0000-0000-000000000000"

_role(actions, scope, assignable) := fixtures.resource("azurerm_role_definition", "custom", {
	"name": "custom",
	"scope": scope,
	"permissions": [{"actions": actions, "not_actions": []}],
	"assignable_scopes": assignable,
})

test_deny_all_actions_on_subscription if {
	check.deny == {{
		"msg": sprintf(`permissions.actions contains "*" and the role is assignable at %s`, [_sub]),
		"resource": "azurerm_role_definition.custom",
		"attribute": "permissions.actions",
	}} with input as fixtures.plan([_role(["*"], _sub, [_sub])])
}

test_deny_management_group_scope if {
	mg := "/providers/Microsoft.Management/managementGroups/root"
	{f.resource | some f in check.deny} == {"azurerm_role_definition.custom"} with input as fixtures.state([_role(["*"], mg, [mg])])
}

test_allow_limited_actions_or_resource_group_scope if {
	rg := sprintf("%s/resourceGroups/app", [_sub])
	check.deny == set() with input as fixtures.plan([_role(["Microsoft.Compute/*/read"], _sub, [_sub])])
	check.deny == set() with input as fixtures.plan([_role(["*"], rg, [rg])])
}

test_unknown_scope if {
	r := fixtures.with_unknown(_role(["*"], null, null), ["scope", "assignable_scopes"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"assignable_scopes"} with input as inp
}

test_unknown_assignable_scope_entry if {
	rg := sprintf("%s/resourceGroups/app", [_sub])
	r := fixtures.with_unknown(_role(["*"], rg, [rg]), ["assignable_scopes.1"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"azurerm_role_definition.custom"} with input as inp
}

test_unknown_actions_through_local if {
	rd := fixtures.from_local(fixtures.resource("azurerm_role_definition", "custom", {"scope": _sub, "permissions": [{}]}), ["permissions.0.actions"])
	inp := fixtures.plan([rd])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"permissions.actions"} with input as inp
}
