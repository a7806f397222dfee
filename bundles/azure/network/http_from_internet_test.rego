package tenet.azure.network.http_from_internet_test

import rego.v1

import data.tenet.azure.network.http_from_internet as check
import data.tenet.lib.fixtures

_rule(fields) := object.union(
	{
		"name": "web", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_port_range": "*", "destination_port_range": "443", "destination_port_ranges": [],
		"source_address_prefix": "*", "source_address_prefixes": [], "destination_address_prefix": "*",
	},
	fields,
)

_nsg(rules) := fixtures.resource("azurerm_network_security_group", "web", {"name": "web", "security_rule": rules})

_separate(name, fields) := fixtures.resource("azurerm_network_security_rule", name, object.union(_rule(fields), {"network_security_group_name": "web"}))

test_deny_inline_https_from_any if {
	check.deny == {{
		"msg": `security rule "web" allows HTTPS (port 443) from the internet`,
		"resource": "azurerm_network_security_group.web",
		"attribute": "security_rule.0",
	}} with input as fixtures.plan([_nsg([_rule({})])])
}

test_deny_separate_rule_both_ports if {
	r := _separate("open", {"destination_port_range": "80-443", "source_address_prefix": "Internet"})
	check.deny == {{
		"msg": `security rule "web" allows HTTP (port 80) and HTTPS (port 443) from the internet`,
		"resource": "azurerm_network_security_rule.open",
		"attribute": "source_address_prefix",
	}} with input as fixtures.plan([r])
}

test_deny_port_list_any_protocol_in_state if {
	r := _separate("list", {"protocol": "*", "destination_port_range": null, "destination_port_ranges": ["22", "80"], "source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})
	inp := fixtures.state([r])
	{[f.resource, f.attribute, f.msg] | some f in check.deny} == {["azurerm_network_security_rule.list", "source_address_prefixes", `security rule "web" allows HTTP (port 80) from the internet`]} with input as inp
}

test_allow_restricted_udp_deny_outbound_other_port if {
	inp := fixtures.plan([
		_nsg([
			_rule({"source_address_prefix": "", "source_address_prefixes": ["10.10.10.10"]}),
			_rule({"access": "Deny"}),
			_rule({"direction": "Outbound"}),
			_rule({"destination_port_range": "8443"}),
			_rule({"protocol": "Udp"}),
		]),
		_separate("a", {"destination_port_ranges": ["1-1000"], "destination_port_range": null, "source_address_prefix": "192.168.0.0/16"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_nsg_with_computed_rules if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("azurerm_network_security_group", "web", {"name": "web"}), ["security_rule"])])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_source_prefix if {
	r := fixtures.with_unknown(_separate("dyn", {"destination_port_range": "*", "source_address_prefix": null}), ["source_address_prefix"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": `security rule "web" may allow HTTP (port 80) and HTTPS (port 443) from the internet: sources unknown until apply`,
		"resource": "azurerm_network_security_rule.dyn",
		"attribute": "source_address_prefix",
	}} with input as inp
}

test_unknown_inline_port_through_local if {
	nsg := fixtures.from_local(_nsg([_rule({"destination_port_range": null})]), ["security_rule.0.destination_port_range"])
	inp := fixtures.plan([nsg])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["azurerm_network_security_group.web", "security_rule.0"]} with input as inp
}
