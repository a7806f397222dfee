# METADATA
# title: NSG traffic is recorded by flow logs kept for at least 90 days
# description: >-
#   Flow logs are the record of who talked to what, and an intrusion is often
#   found weeks after it began. Logs deleted after a few days leave nothing
#   to investigate, and an NSG whose traffic no flow log records leaves
#   nothing at all: every NSG needs a flow log on itself or, since Azure
#   stopped creating NSG flow logs on 30 June 2025, on the subnets or virtual
#   networks it is attached to.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_watcher_flow_log
# custom:
#   id: TNT-AZ-NET-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_network_watcher_flow_log, azurerm_network_security_group]
#   controls:
#     cis-azure-2.0.0: ["6.5"]
#     cis-azure-3.0.0: ["7.5"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-11", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2", "10.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: >-
#     Record the NSG's traffic with an azurerm_network_watcher_flow_log whose
#     target_resource_id is the virtual network (or subnet) the NSG is
#     attached to (Azure no longer creates flow logs on NSGs; an existing one
#     with network_security_group_id counts), and set enabled = true and
#     retention_policy { enabled = true, days = 90 } (or more, or 0 to keep
#     forever) on the flow log.
package tenet.azure.network.flow_log_retention

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_min_days := 90

_type := "azurerm_network_watcher_flow_log"

deny contains result.fail_attr(fl, "enabled", "enabled is false: no flow records are written") if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "enabled", true) == false
}

deny contains result.fail_attr(fl, "retention_policy", "no retention_policy: flow log retention is not set") if {
	some fl in terraform.resources(_type)
	count(terraform.get(fl, "retention_policy", [])) == 0
	not terraform.unknown(fl, "retention_policy")
}

deny contains result.fail_attr(fl, "retention_policy.enabled", msg) if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "retention_policy.0.enabled", null) == false
	msg := "retention_policy.enabled is false: flow logs have no retention period"
}

# days = 0 keeps the logs forever.
deny contains result.fail_attr(fl, "retention_policy.days", msg) if {
	some fl in terraform.resources(_type)
	terraform.get(fl, "retention_policy.0.enabled", null) == true
	days := terraform.get(fl, "retention_policy.0.days", null)
	is_number(days)
	days > 0
	days < _min_days
	msg := sprintf("retention_policy.days is %d: flow logs are deleted before %d days", [days, _min_days])
}

unknown contains result.unknown(fl, path) if {
	some fl in terraform.resources(_type)
	some path in ["enabled", "retention_policy.enabled", "retention_policy.days"]
	terraform.unknown(fl, path)
}

# An NSG is covered by a flow log on itself, or when it is attached to
# subnets or network interfaces (through the association resources, or
# inline in a virtual network's subnet block) and each of them has a flow log
# on itself, its subnet or its virtual network. Joins are by reference in a
# plan and by value (ids compared in any case) in state.
deny contains result.fail(nsg, _no_flow_log) if {
	some nsg in _nsgs
	not _covered(nsg)
	not _undecided(nsg)
}

unknown contains result.unknown_via(nsg, fl, attr) if {
	some nsg in _nsgs
	not _covered(nsg)
	some fl in _unjoinable
	attr := [a | some a in _targets; terraform.unknown(fl, a)][0]
}

unknown contains result.unknown_via(nsg, a.via, a.attr) if {
	some nsg in _nsgs
	not _covered(nsg)
	count(_unjoinable) == 0
	some a in _attachments(nsg)
	_unresolved(a)
}

_no_flow_log := "no azurerm_network_watcher_flow_log records the NSG's traffic: none targets the NSG (target_resource_id, or network_security_group_id before provider v4), or a subnet, network interface or virtual network it is attached to"

_nsgs := terraform.resources("azurerm_network_security_group")

# target_resource_id replaced network_security_group_id in provider v4; it
# names an NSG, a virtual network, a subnet or a network interface.
_targets := ["target_resource_id", "network_security_group_id"]

_covered(nsg) if _logged(nsg)

_covered(nsg) if {
	count(_attachments(nsg)) > 0
	every a in _attachments(nsg) {
		_attachment_logged(a)
	}
}

_undecided(_) if count(_unjoinable) > 0

_undecided(nsg) if {
	some a in _attachments(nsg)
	_unresolved(a)
}

# _logged(r) holds when a flow log targets resource r.
_logged(r) if count(azure.attached(r, _type, _targets)) > 0

_logged(r) if {
	id := r.values.id
	is_string(id)
	lower(id) in _known_targets
}

_known_targets contains lower(v) if {
	some fl in terraform.resources(_type)
	some attr in _targets
	v := fl.values[attr]
	is_string(v)
}

# An attachment of an NSG is {"via": the association or virtual network,
# "attr": its attribute naming the attached subnet or interface,
# "resources": the subnets, interfaces and virtual networks of the input a
# flow log may target to cover it, "ids": the known ids of the attached
# subnets and interfaces}.
_attachments(nsg) := array.concat(
	array.concat(
		[_subnet_attachment(assoc) | some assoc in _associations(nsg, "azurerm_subnet_network_security_group_association")],
		[_nic_attachment(assoc) | some assoc in _associations(nsg, "azurerm_network_interface_security_group_association")],
	),
	[{"via": vnet, "attr": "subnet", "resources": [vnet], "ids": []} |
		some vnet in terraform.resources("azurerm_virtual_network")
		_inline(vnet, nsg)
	],
)

_associations(nsg, type) := terraform.referencing(nsg, type, "network_security_group_id")

_subnet_attachment(assoc) := {
	"via": assoc,
	"attr": "subnet_id",
	"resources": array.concat(subnets, _vnets(subnets)),
	"ids": _strings([object.get(assoc.values, "subnet_id", null)]),
} if {
	subnets := terraform.referenced(assoc, "azurerm_subnet", "subnet_id")
}

_nic_attachment(assoc) := {
	"via": assoc,
	"attr": "network_interface_id",
	"resources": array.concat(array.concat(nics, subnets), _vnets(subnets)),
	"ids": _strings(array.concat(
		[object.get(assoc.values, "network_interface_id", null)],
		[id | some nic in nics; some id in terraform.values_at(nic, "ip_configuration.subnet_id")],
	)),
} if {
	nics := terraform.referenced(assoc, "azurerm_network_interface", "network_interface_id")
	subnets := [s |
		some nic in nics
		some s in terraform.referenced(nic, "azurerm_subnet", "ip_configuration.subnet_id")
	]
}

_vnets(subnets) := [vnet |
	some subnet in subnets
	some vnet in terraform.referenced(subnet, "azurerm_virtual_network", "virtual_network_name")
]

_strings(xs) := [x | some x in xs; is_string(x)]

_attachment_logged(a) if {
	some r in a.resources
	_logged(r)
}

# By id: a flow log on the subnet or interface, or on the virtual network
# whose id the subnet's id extends.
_attachment_logged(a) if {
	some id in a.ids
	some target in _known_targets
	_covers(target, lower(id))
}

_covers(target, id) if id == target

_covers(target, id) if startswith(id, concat("", [target, "/subnets/"]))

_inline(vnet, nsg) if nsg.config_address in object.get(object.get(vnet, "refs", {}), "subnet.security_group", [])

_inline(vnet, nsg) if {
	id := nsg.values.id
	is_string(id)
	some b in azure.block(vnet, "subnet")
	lower(object.get(b, "security_group", "")) == lower(id)
}

# _unresolved(a): what attachment a attaches the NSG to is neither in the
# input nor known by id, and the input has flow logs that may cover it.
_unresolved(a) if {
	count(a.resources) == 0
	count(a.ids) == 0
	count(terraform.resources(_type)) > 0
}

# A flow log whose target is unknown until apply and refers to no NSG,
# subnet, virtual network or network interface of the input may record any
# NSG's traffic. (A flow log must name its target, so an unknown one is set
# from something the plan does not resolve: a local, a data source.)
_unjoinable contains fl if {
	some fl in terraform.resources(_type)
	count(_strings([fl.values[attr] | some attr in _targets])) == 0
	some attr in _targets
	terraform.unknown(fl, attr)
	not _joined(fl)
}

_joined(fl) if {
	some attr in _targets
	some target in object.get(object.get(fl, "refs", {}), attr, [])
	target in _joinable_addresses
}

_joinable_addresses contains r.config_address if {
	some type in ["azurerm_network_security_group", "azurerm_subnet", "azurerm_virtual_network", "azurerm_network_interface"]
	some r in terraform.resources(type)
}
