# METADATA
# title: Azure helpers
# description: >-
#   Shared reads for the azurerm rules: settings renamed between provider
#   versions, inline blocks that the provider may compute, joins to the
#   separate resources that configure another one, and one normalized view
#   of the inbound rules of network security groups.
# scope: package
# custom:
#   library: true
package tenet.lib.azure

import rego.v1

import data.tenet.lib.terraform

# setting(r, names) is the value of the first attribute of names (dotted
# paths, newest provider name first) that r sets; undefined when none is set.
setting(r, names) := terraform.get(r, _set_names(r, names)[0], null)

# setting_name(r, names) is the first of names that r sets, else names[0]:
# the attribute to name in a finding.
setting_name(r, names) := n if {
	n := _set_names(r, names)[0]
} else := names[0]

# unknown_setting(r, names) is the first of names known only after apply;
# undefined when none is unknown or one of them has a known value.
unknown_setting(r, names) := [name |
	some name in names
	terraform.unknown(r, name)
][0] if {
	count(_set_names(r, names)) == 0
}

_set_names(r, names) := [name |
	some name in names
	terraform.get(r, name, null) != null
]

# block(r, path) is the list of objects of the inline block at path; [] when
# it is absent, null or wholly unknown (a Computed block that the provider
# fills when a separate resource manages the setting is not a declaration).
block(r, path) := [b |
	some b in _list(terraform.get(r, path, []))
	is_object(b)
]

_list(x) := x if {
	is_array(x)
} else := [x]

# attached(r, type, attrs) is the array of live resources of type whose
# attribute in attrs (e.g. storage_account_id, or storage_account_name on
# older providers) points at r, by reference in plans and by value in state.
attached(r, type, attrs) := [e |
	some attr in attrs
	some e in terraform.referencing(r, type, attr)
]

# public_sources are the NSG source prefixes that admit the whole internet.
public_sources := {"*", "0.0.0.0", "0.0.0.0/0", "::/0", "internet", "any"}

# nsg_rules is the set of security rules declared inline in
# azurerm_network_security_group or as azurerm_network_security_rule, each
#   {"resource": <resource>, "attribute": <dotted path to report>,
#    "name": <rule name>, "direction": <lower case>, "access": <lower case>,
#    "protocol": <lower case>, "ports": [<destination port ranges>],
#    "sources": [<source prefixes, lower case>],
#    "unknown": <subset of {"direction", "access", "protocol", "ports", "sources"}>}.
nsg_rules contains rule if {
	some nsg in terraform.resources("azurerm_network_security_group")
	some i, b in block(nsg, "security_rule")
	rule := _nsg_rule(nsg, sprintf("security_rule.%d", [i]), b)
}

nsg_rules contains rule if {
	some r in terraform.resources("azurerm_network_security_rule")
	rule := _nsg_rule(r, "", r.values)
}

_nsg_fields := {
	"direction": ["direction"],
	"access": ["access"],
	"protocol": ["protocol"],
	"ports": ["destination_port_range", "destination_port_ranges"],
	"sources": ["source_address_prefix", "source_address_prefixes"],
}

_nsg_rule(r, path, b) := {
	"resource": r,
	"attribute": _nsg_attribute(path, b),
	"name": object.get(b, "name", "?"),
	"direction": lower(object.get(b, "direction", "")),
	"access": lower(object.get(b, "access", "")),
	"protocol": lower(object.get(b, "protocol", "")),
	"ports": _strings(b, _nsg_fields.ports),
	"sources": [lower(s) | some s in _strings(b, _nsg_fields.sources)],
	"unknown": {field |
		some field, names in _nsg_fields
		some name in names
		terraform.unknown(r, _join(path, name))
	},
}

_join(path, name) := name if {
	path == ""
} else := concat(".", [path, name])

_strings(b, names) := [s |
	some name in names
	some s in _list(object.get(b, name, []))
	is_string(s)
	s != ""
]

_nsg_attribute(path, b) := path if {
	path != ""
} else := "source_address_prefixes" if {
	count(_strings(b, ["source_address_prefixes"])) > 0
} else := "source_address_prefix"

# admits(rule, port, protocols) is true when rule lets traffic in from the
# internet to port (a number, or "any") over one of protocols (lower case;
# "*" matches every protocol).
admits(rule, port, protocols) if {
	every field in object.keys(_nsg_fields) {
		_holds(rule, field, port, protocols)
	}
}

# may_admit(rule, port, protocols) is true when admits() cannot be decided
# before apply: it does not hold, but every condition that fails depends on
# a value known only after apply.
may_admit(rule, port, protocols) if {
	not admits(rule, port, protocols)
	every field in object.keys(_nsg_fields) {
		_holds_or_unknown(rule, field, port, protocols)
	}
}

_holds_or_unknown(rule, field, port, protocols) if _holds(rule, field, port, protocols)

_holds_or_unknown(rule, field, _, _) if field in rule.unknown

_holds(rule, "direction", _, _) if rule.direction == "inbound"

_holds(rule, "access", _, _) if rule.access == "allow"

_holds(rule, "protocol", _, _) if rule.protocol == "*"

_holds(rule, "protocol", _, protocols) if rule.protocol in protocols

_holds(rule, "ports", port, _) if {
	some spec in rule.ports
	port_in(port, spec)
}

_holds(rule, "sources", _, _) if {
	some s in rule.sources
	s in public_sources
}

# port_in(port, spec) is true when the NSG port specification spec ("*",
# "22" or "20-30") covers port; port "any" is covered by every spec.
port_in("any", _)

port_in(_, "*")

port_in(port, spec) if {
	is_number(port)
	m := regex.find_all_string_submatch_n(`^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$`, spec, 1)[0]
	low := to_number(m[1])
	high := _high(low, m[2])
	low <= port
	port <= high
}

_high(low, "") := low

_high(_, s) := to_number(s) if s != ""

# rule_label(rule) names the rule in messages.
rule_label(rule) := sprintf("security rule %q", [rule.name])

# sql_servers is the array of live azurerm_mssql_server and legacy
# azurerm_sql_server resources.
sql_servers := array.concat(terraform.resources("azurerm_mssql_server"), terraform.resources("azurerm_sql_server"))

# sql_audit_policies(s) is the array of azurerm_mssql_server_extended_auditing_policy
# resources whose server_id points at server s.
sql_audit_policies(s) := terraform.referencing(s, "azurerm_mssql_server_extended_auditing_policy", "server_id")

# diagnostic_settings(r) is the array of azurerm_monitor_diagnostic_setting
# resources whose target_resource_id points at r.
diagnostic_settings(r) := terraform.referencing(r, "azurerm_monitor_diagnostic_setting", "target_resource_id")

# logs_category(ds, category, groups) is true when diagnostic setting ds
# collects log category (or one of the category groups, lower case): through
# enabled_log blocks (provider v3.39+), or enabled log blocks (before v4).
logs_category(ds, category, groups) if {
	some b in block(ds, "enabled_log")
	_collects(b, category, groups)
}

logs_category(ds, category, groups) if {
	some b in block(ds, "log")
	object.get(b, "enabled", true) != false
	_collects(b, category, groups)
}

_collects(b, category, _) if b.category == category

_collects(b, _, groups) if {
	is_string(b.category_group)
	lower(b.category_group) in groups
}

# app_types are the App Service web and function app types: the v3+
# Linux/Windows split and the v2 azurerm_app_service/azurerm_function_app.
app_types := [
	"azurerm_linux_web_app",
	"azurerm_windows_web_app",
	"azurerm_linux_function_app",
	"azurerm_windows_function_app",
	"azurerm_app_service",
	"azurerm_function_app",
]

# legacy_app_types are the v2 types, whose site_config names differ.
legacy_app_types := {"azurerm_app_service", "azurerm_function_app"}

# apps is the array of live resources of app_types.
apps := [r |
	some t in app_types
	some r in terraform.resources(t)
]

# Server parameters. PostgreSQL and MySQL servers take their parameters from
# separate resources (azurerm_postgresql_flexible_server_configuration by
# server_id; azurerm_postgresql_configuration and
# azurerm_mysql_flexible_server_configuration by server_name and
# resource_group_name), each with a name and a value. A server with no such
# resource for a parameter keeps the Azure default.

# parameter_values(s, type, attr, name, fallback) is the set of [value,
# resource] pairs that decide parameter name (lower case) on server s: the
# known value of each configuration of type whose attr points at s and that
# sets name, or [fallback, s] (the Azure default) when no configuration
# sets name and none could (see parameter_unknowns). Values are as
# written: rules compare them in lower case.
parameter_values(s, type, attr, name, fallback) := {[v, c] |
	some c in _parameters(s, type, attr, name)
	lower(terraform.get(c, "name", "")) == name
	v := terraform.get(c, "value", null)
	v != null
} | {[fallback, s] |
	count(_parameters(s, type, attr, name)) == 0
	count(_unjoined_parameters(type, attr, name)) == 0
}

# parameter_unknowns(s, type, attr, name) is the set of [resource, attribute]
# pairs that leave parameter name on server s undecided until apply: a
# configuration of s that sets name with a value known only after apply, a
# configuration of s whose name is known only after apply, and, when no
# configuration of s sets name, a configuration of type that sets name (or
# an unknown name) whose attr is known only after apply and refers to no
# resource (set through a local or each.value: its server is unknown).
parameter_unknowns(s, type, attr, name) := ({[c, "value"] |
	some c in _parameters(s, type, attr, name)
	lower(terraform.get(c, "name", "")) == name
	terraform.unknown(c, "value")
} | {[c, "name"] |
	some c in _parameters(s, type, attr, name)
	terraform.unknown(c, "name")
}) | {[c, attr] |
	not _sets_parameter(s, type, attr, name)
	some c in _unjoined_parameters(type, attr, name)
}

_sets_parameter(s, type, attr, name) if {
	some c in _parameters(s, type, attr, name)
	lower(terraform.get(c, "name", "")) == name
}

_parameters(s, type, attr, name) := [c |
	some c in terraform.referencing(s, type, attr)
	not _other_group(s, c)
	_names(c, name)
]

_unjoined_parameters(type, attr, name) := [c |
	some c in terraform.resources(type)
	_names(c, name)
	unjoined(c, attr)
]

_names(c, name) if lower(terraform.get(c, "name", "")) == name

_names(c, _) if terraform.unknown(c, "name")

# A join by server name holds only within one resource group: two servers
# of one name in two groups are told apart when both groups are known.
_other_group(s, c) if {
	a := terraform.get(s, "resource_group_name", null)
	b := terraform.get(c, "resource_group_name", null)
	is_string(a)
	is_string(b)
	lower(a) != lower(b)
}

# unjoined(r, attr) is true when r's attribute attr, which names the resource
# that r configures, is known only after apply and refers to no resource of
# the configuration (set through a local, each.value or a variable): which
# resource r configures is unknown until apply.
unjoined(r, attr) if {
	terraform.unknown(r, attr)
	count(object.get(object.get(r, "refs", {}), attr, [])) == 0
}
