package tenet.azure.network.flow_log_retention_test

import rego.v1

import data.tenet.azure.network.flow_log_retention as check
import data.tenet.lib.fixtures

_fl(enabled, policy) := fixtures.resource("azurerm_network_watcher_flow_log", "nsg", {"name": "nsg", "enabled": enabled, "retention_policy": policy})

test_deny_short_retention if {
	check.deny == {{
		"msg": "retention_policy.days is 30: flow logs are deleted before 90 days",
		"resource": "azurerm_network_watcher_flow_log.nsg",
		"attribute": "retention_policy.days",
	}} with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 30}])])
}

test_deny_disabled_log_and_retention if {
	{f.attribute | some f in check.deny} == {"enabled", "retention_policy.enabled"} with input as fixtures.state([_fl(false, [{"enabled": false, "days": 0}])])
}

test_deny_without_retention_policy if {
	{f.attribute | some f in check.deny} == {"retention_policy"} with input as fixtures.plan([_fl(true, [])])
}

test_allow_90_days_or_forever if {
	check.deny == set() with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 90}])])
	check.deny == set() with input as fixtures.plan([_fl(true, [{"enabled": true, "days": 0}])])
}

test_unknown_days if {
	fl := fixtures.with_unknown(_fl(true, [{"enabled": true, "days": null}]), ["retention_policy.0.days"])
	inp := fixtures.plan([fl])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"retention_policy.days"} with input as inp
}

_nsg(name) := fixtures.with_unknown(fixtures.resource("azurerm_network_security_group", name, {"name": name}), ["id"])

_logged_to(fl, attr, target) := fixtures.points_at(fl, attr, target)

_policy := [{"enabled": true, "days": 90}]

_no_flow_log := "no azurerm_network_watcher_flow_log records the NSG's traffic: none targets the NSG (target_resource_id, or network_security_group_id before provider v4), or a subnet, network interface or virtual network it is attached to"

test_deny_nsg_without_flow_log if {
	inp := fixtures.plan([_nsg("web")])
	check.deny == {{"msg": _no_flow_log, "resource": "azurerm_network_security_group.web"}} with input as inp
	check.unknown == set() with input as inp
}

test_allow_nsg_flow_log_by_reference if {
	nsg := _nsg("web")
	old := _logged_to(_fl(true, _policy), "network_security_group_id", nsg)
	inp := fixtures.plan([nsg, old])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	renamed := _logged_to(_fl(true, _policy), "target_resource_id", nsg)
	check.deny == set() with input as fixtures.plan([nsg, renamed])
}

test_state_join_by_value_any_case if {
	id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web"
	a := fixtures.resource("azurerm_network_security_group", "web", {"id": id, "name": "web"})
	b := fixtures.resource("azurerm_network_security_group", "db", {"id": concat("", [id, "-db"]), "name": "web-db"})
	fl := object.union(_fl(true, _policy), {"values": {"network_security_group_id": lower(id)}})
	inp := fixtures.state([a, b, fl])
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.db"} with input as inp
	check.unknown == set() with input as inp
}

# Azure creates no NSG flow logs since 30 June 2025: a virtual network flow
# log covers the NSGs of its subnets, and a subnet flow log those of the
# subnet.
test_allow_nsg_covered_by_virtual_network_or_subnet_flow_log if {
	vnet := fixtures.with_unknown(fixtures.resource("azurerm_virtual_network", "main", {"name": "main"}), ["id"])
	subnet := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("azurerm_subnet", "app", {"name": "app", "virtual_network_name": "main"}), ["id"]),
		{"virtual_network_name": ["azurerm_virtual_network.main"]},
	)
	nsg := _nsg("app")
	assoc := _logged_to(_logged_to(fixtures.resource("azurerm_subnet_network_security_group_association", "app", {}), "subnet_id", subnet), "network_security_group_id", nsg)
	vnet_log := _logged_to(_fl(true, _policy), "target_resource_id", vnet)
	check.deny == set() with input as fixtures.plan([vnet, subnet, nsg, assoc, vnet_log])
	subnet_log := _logged_to(_fl(true, _policy), "target_resource_id", subnet)
	check.deny == set() with input as fixtures.plan([vnet, subnet, nsg, assoc, subnet_log])
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.app"} with input as fixtures.plan([vnet, subnet, nsg, assoc])
}

# An NSG attached inline to a virtual network's subnet block.
test_allow_nsg_in_inline_subnet_of_logged_virtual_network if {
	nsg := _nsg("app")
	vnet := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("azurerm_virtual_network", "main", {"name": "main", "subnet": [{"name": "app"}]}), ["id", "subnet.0.security_group"]),
		{"subnet.security_group": ["azurerm_network_security_group.app"]},
	)
	check.deny == set() with input as fixtures.plan([nsg, vnet, _logged_to(_fl(true, _policy), "target_resource_id", vnet)])
}

# In state the subnet and flow log may be recorded by id only: a flow log on
# the virtual network covers the subnets whose ids it prefixes.
test_allow_state_subnet_id_under_logged_virtual_network if {
	vnet_id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/main"
	nsg := fixtures.resource("azurerm_network_security_group", "app", {"id": "nsg-app", "name": "app"})
	assoc := fixtures.resource("azurerm_subnet_network_security_group_association", "app", {"network_security_group_id": "nsg-app", "subnet_id": concat("", [vnet_id, "/subnets/app"])})
	fl := object.union(_fl(true, _policy), {"values": {"target_resource_id": vnet_id}})
	check.deny == set() with input as fixtures.state([nsg, assoc, fl])
	other := object.union(_fl(true, _policy), {"values": {"target_resource_id": concat("", [vnet_id, "-2"])}})
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.app"} with input as fixtures.state([nsg, assoc, other])
}

# A flow log whose target is set through a local (unknown, no reference)
# may be the NSG's.
test_unknown_flow_log_target if {
	nsg := _nsg("web")
	fl := fixtures.with_unknown(_fl(true, _policy), ["target_resource_id", "network_security_group_id"])
	inp := fixtures.plan([nsg, fl])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "target_resource_id of azurerm_network_watcher_flow_log.nsg is unknown until apply", "resource": "azurerm_network_security_group.web"}} with input as inp
}

# A flow log that points at another NSG of the input does not leave this
# one undecided.
test_deny_nsg_when_flow_log_targets_another if {
	a := _nsg("a")
	b := _nsg("b")
	fl := fixtures.with_unknown(_logged_to(_fl(true, _policy), "target_resource_id", a), ["network_security_group_id"])
	inp := fixtures.plan([a, b, fl])
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.b"} with input as inp
	check.unknown == set() with input as inp
}

# An association whose subnet cannot be found, beside a flow log that may
# be on that subnet's network.
test_unknown_attachment_subnet if {
	nsg := _nsg("app")
	vnet := fixtures.with_unknown(fixtures.resource("azurerm_virtual_network", "main", {"name": "main"}), ["id"])
	assoc := fixtures.with_unknown(_logged_to(fixtures.resource("azurerm_subnet_network_security_group_association", "app", {}), "network_security_group_id", nsg), ["subnet_id"])
	inp := fixtures.plan([nsg, vnet, assoc, _logged_to(_fl(true, _policy), "target_resource_id", vnet)])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "subnet_id of azurerm_subnet_network_security_group_association.app is unknown until apply", "resource": "azurerm_network_security_group.app"}} with input as inp
}

# An NSG on a network interface, covered by the flow log of the virtual
# network of the interface's subnet.
test_allow_nsg_on_interface_in_logged_virtual_network if {
	vnet := fixtures.with_unknown(fixtures.resource("azurerm_virtual_network", "main", {"name": "main"}), ["id"])
	subnet := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("azurerm_subnet", "app", {"name": "app", "virtual_network_name": "main"}), ["id"]),
		{"virtual_network_name": ["azurerm_virtual_network.main"]},
	)
	nic := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("azurerm_network_interface", "vm", {"name": "vm", "ip_configuration": [{"name": "ip"}]}), ["id", "ip_configuration.0.subnet_id"]),
		{"ip_configuration.subnet_id": ["azurerm_subnet.app"]},
	)
	nsg := _nsg("vm")
	assoc := _logged_to(_logged_to(fixtures.resource("azurerm_network_interface_security_group_association", "vm", {}), "network_interface_id", nic), "network_security_group_id", nsg)
	check.deny == set() with input as fixtures.plan([vnet, subnet, nic, nsg, assoc, _logged_to(_fl(true, _policy), "target_resource_id", vnet)])
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.vm"} with input as fixtures.plan([vnet, subnet, nic, nsg, assoc])
}

# Attached to two subnets, the NSG is covered only when both are.
test_deny_nsg_with_one_unlogged_subnet if {
	vnet_id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/main"
	nsg := fixtures.resource("azurerm_network_security_group", "app", {"id": "nsg-app", "name": "app"})
	a := fixtures.resource("azurerm_subnet_network_security_group_association", "a", {"network_security_group_id": "nsg-app", "subnet_id": concat("", [vnet_id, "/subnets/a"])})
	b := fixtures.resource("azurerm_subnet_network_security_group_association", "b", {"network_security_group_id": "nsg-app", "subnet_id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other/subnets/b"})
	fl := object.union(_fl(true, _policy), {"values": {"target_resource_id": vnet_id}})
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.app"} with input as fixtures.state([nsg, a, b, fl])
}

# In state: an NSG set inline on a virtual network's subnet, and one on a
# subnet whose own flow log is recorded by id.
test_allow_state_inline_subnet_and_subnet_flow_log if {
	vnet_id := "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/main"
	subnet_id := concat("", [vnet_id, "/subnets/db"])
	app := fixtures.resource("azurerm_network_security_group", "app", {"id": "/x/networkSecurityGroups/app", "name": "app"})
	db := fixtures.resource("azurerm_network_security_group", "db", {"id": "/x/networkSecurityGroups/db", "name": "db"})
	vnet := fixtures.resource("azurerm_virtual_network", "main", {"id": vnet_id, "name": "main", "subnet": [{"name": "app", "security_group": "/X/networkSecurityGroups/APP"}]})
	assoc := fixtures.resource("azurerm_subnet_network_security_group_association", "db", {"network_security_group_id": "/x/networkSecurityGroups/db", "subnet_id": subnet_id})
	vnet_log := object.union(_fl(true, _policy), {"values": {"target_resource_id": vnet_id}})
	subnet_log := object.union(_fl(true, _policy), {"address": "azurerm_network_watcher_flow_log.db", "values": {"target_resource_id": upper(subnet_id)}})
	check.deny == set() with input as fixtures.state([app, db, vnet, assoc, vnet_log])
	check.deny == set() with input as fixtures.state([db, assoc, subnet_log])
	{f.resource | some f in check.deny} == {"azurerm_network_security_group.app"} with input as fixtures.state([app, db, vnet, assoc, subnet_log])
}
