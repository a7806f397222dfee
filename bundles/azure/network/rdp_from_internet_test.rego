package tenet.azure.network.rdp_from_internet_test

import rego.v1

import data.tenet.azure.network.rdp_from_internet as check
import data.tenet.lib.fixtures

_rule(fields) := object.union(
	{
		"name": "rdp", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
		"source_port_range": "*", "destination_port_range": "3389", "destination_port_ranges": [],
		"source_address_prefix": "*", "source_address_prefixes": [], "destination_address_prefix": "*",
	},
	fields,
)

_nsg(rules) := fixtures.resource("azurerm_network_security_group", "web", {"name": "web", "security_rule": rules})

_separate(name, fields) := fixtures.resource("azurerm_network_security_rule", name, object.union(_rule(fields), {"network_security_group_name": "web"}))

test_deny_inline_rule_from_any if {
	check.deny == {{
		"msg": `security rule "rdp" allows RDP (port 3389) from the internet`,
		"resource": "azurerm_network_security_group.web",
		"attribute": "security_rule.0",
	}} with input as fixtures.plan([_nsg([_rule({})])])
}

test_deny_separate_rule_with_range_and_internet_tag if {
	r := _separate("open", {"destination_port_range": "3000-4000", "source_address_prefix": "Internet"})
	check.deny == {{
		"msg": `security rule "rdp" allows RDP (port 3389) from the internet`,
		"resource": "azurerm_network_security_rule.open",
		"attribute": "source_address_prefix",
	}} with input as fixtures.plan([r])
}

test_deny_port_list_and_prefix_list if {
	r := _separate("list", {"destination_port_range": null, "destination_port_ranges": ["443", "3389"], "source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})
	{[f.resource, f.attribute] | some f in check.deny} == {["azurerm_network_security_rule.list", "source_address_prefixes"]} with input as fixtures.plan([r])
}

test_deny_any_port_any_protocol if {
	r := _separate("all", {"destination_port_range": "*", "protocol": "*", "source_address_prefix": "Any"})
	{f.resource | some f in check.deny} == {"azurerm_network_security_rule.all"} with input as fixtures.state([r])
}

# regula-security_group_no_inbound_3389_infra.json: validnsg1 opens
# 3380-3395 to 10.10.10.10 only; rule pass denies instead of allowing.
test_allow_restricted_source_deny_access_outbound_and_other_port if {
	inp := fixtures.plan([
		_nsg([
			_rule({"source_address_prefix": "", "source_address_prefixes": ["10.10.10.10"], "destination_port_range": "", "destination_port_ranges": ["235", "3380-3395"]}),
			_rule({"access": "Deny"}),
			_rule({"direction": "Outbound"}),
			_rule({"destination_port_range": "34"}),
			_rule({"protocol": "Icmp"}),
		]),
		_separate("a", {"destination_port_ranges": ["3350-3400"], "source_address_prefix": "10.0.0.0/8"}),
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
	r := fixtures.with_unknown(_separate("dyn", {"source_address_prefix": null}), ["source_address_prefix"])
	inp := fixtures.plan([r])
	check.deny == set() with input as inp
	check.unknown == {{
		"msg": `security rule "rdp" may allow RDP (port 3389) from the internet: sources unknown until apply`,
		"resource": "azurerm_network_security_rule.dyn",
		"attribute": "source_address_prefix",
	}} with input as inp
}

# regula-security_group_no_inbound_3389_infra.json, separate rules: "*" in a
# prefix list and "Any" are the internet; 3389 inside a range or a list
# counts; port 34 and a 10.10.10.10 source do not.
test_deny_regula_security_group_no_inbound_3389_infra if {
	inp := fixtures.plan([
		_separate("invalidrule1", {"destination_port_range": "3350-3400", "source_address_prefix": null, "source_address_prefixes": ["*", "10.10.10.10"]}),
		_separate("invalidrule2", {"destination_port_range": null, "destination_port_ranges": ["3389", "3567"], "source_address_prefix": "Any"}),
		_separate("validrule1", {"destination_port_range": "34", "source_address_prefix": null, "source_address_prefixes": ["*", "10.10.10.10"]}),
		_separate("validrule2", {"source_address_prefix": null, "source_address_prefixes": ["10.10.10.10"]}),
	])
	{f.resource | some f in check.deny} == {"azurerm_network_security_rule.invalidrule1", "azurerm_network_security_rule.invalidrule2"} with input as inp
}
