package tenet.azure.network.udp_from_internet_test

import rego.v1

import data.tenet.azure.network.udp_from_internet as check
import data.tenet.lib.fixtures

_rule(fields) := object.union(
	{
		"name": "dns", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Udp",
		"source_port_range": "*", "destination_port_range": "53", "destination_port_ranges": [],
		"source_address_prefix": "Internet", "source_address_prefixes": [], "destination_address_prefix": "*",
	},
	fields,
)

test_deny_udp_from_internet if {
	r := fixtures.resource("azurerm_network_security_rule", "dns", _rule({}))
	check.deny == {{
		"msg": `security rule "dns" allows UDP traffic from the internet`,
		"resource": "azurerm_network_security_rule.dns",
		"attribute": "source_address_prefix",
	}} with input as fixtures.plan([r])
}

test_deny_any_protocol_from_internet if {
	nsg := fixtures.resource("azurerm_network_security_group", "web", {"security_rule": [_rule({"name": "all", "protocol": "*"})]})
	{f.attribute | some f in check.deny} == {"security_rule.0"} with input as fixtures.plan([nsg])
}

test_allow_tcp_or_internal_udp if {
	nsg := fixtures.resource("azurerm_network_security_group", "web", {"security_rule": [_rule({"protocol": "Tcp"}), _rule({"source_address_prefix": "10.0.0.0/8"})]})
	check.deny == set() with input as fixtures.plan([nsg])
}

test_unknown_protocol if {
	r := fixtures.with_unknown(fixtures.resource("azurerm_network_security_rule", "dyn", object.remove(_rule({}), ["protocol"])), ["protocol"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"azurerm_network_security_rule.dyn"} with input as inp
}
