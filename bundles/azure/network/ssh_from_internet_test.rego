package tenet.azure.network.ssh_from_internet_test

import rego.v1

import data.tenet.azure.network.ssh_from_internet as check
import data.tenet.lib.fixtures

_rule(fields) := object.union(
	{
		"name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_port_range": "*", "destination_port_range": "22", "destination_port_ranges": [],
		"source_address_prefix": "0.0.0.0/0", "source_address_prefixes": [], "destination_address_prefix": "*",
	},
	fields,
)

_nsg(rules) := fixtures.resource("azurerm_network_security_group", "web", {"name": "web", "security_rule": rules})

test_deny_inline_ssh_from_anywhere if {
	check.deny == {{
		"msg": `security rule "ssh" allows SSH (port 22) from the internet`,
		"resource": "azurerm_network_security_group.web",
		"attribute": "security_rule.1",
	}} with input as fixtures.plan([_nsg([_rule({"name": "web", "destination_port_range": "443"}), _rule({})])])
}

# driftctl-azurerm_network_security_group.tfstate: test123 allows Tcp to
# every port from "*".
test_deny_all_ports_from_any_in_state if {
	inp := fixtures.state([_nsg([_rule({"name": "test123", "destination_port_range": "*", "source_address_prefix": "*"})])])
	{[f.resource, f.msg] | some f in check.deny} == {["azurerm_network_security_group.web", `security rule "test123" allows SSH (port 22) from the internet`]} with input as inp
}

test_allow_udp_or_private_source if {
	inp := fixtures.plan([_nsg([_rule({"protocol": "Udp"}), _rule({"source_address_prefix": "VirtualNetwork"})])])
	check.deny == set() with input as inp
}

test_unknown_port if {
	r := fixtures.with_unknown(fixtures.resource("azurerm_network_security_rule", "dyn", object.remove(_rule({}), ["destination_port_range"])), ["destination_port_range"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	{f.msg | some f in check.unknown} == {`security rule "ssh" may allow SSH (port 22) from the internet: ports unknown until apply`} with input as inp
}
