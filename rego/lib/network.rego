# METADATA
# title: AWS network helpers
# description: >-
#   One normalized view of the ingress permissions that AWS security groups
#   declare inline, through aws_security_group_rule or through
#   aws_vpc_security_group_ingress_rule, the inbound allow entries of
#   network ACLs, the port, protocol and CIDR tests shared by the exposure
#   rules, and the test for resource policy statements open to everyone.
# scope: package
# custom:
#   library: true
package tenet.lib.network

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.terraform

# public_cidrs are the CIDRs that mean "the whole internet".
public_cidrs := {"0.0.0.0/0", "::/0"}

# public_cidr(c) is true when CIDR c spans the whole internet: a prefix
# length of 0 matches every address whatever the address written before
# it ("192.168.1.0/0" is 0.0.0.0/0, a default that CloudFormation samples
# ship).
public_cidr(c) if c in public_cidrs

public_cidr(c) if {
	is_string(c)
	regex.match(`^[0-9a-fA-F:.]+/0+$`, trim_space(c))
}

_classic := {"protocol": ["protocol"], "ports": ["from_port", "to_port"], "cidrs": ["cidr_blocks", "ipv6_cidr_blocks"]}

_vpc := {"protocol": ["ip_protocol"], "ports": ["from_port", "to_port"], "cidrs": ["cidr_ipv4", "cidr_ipv6"]}

# ingress_rules is the set of ingress permissions in the input, each
#   {"resource": <resource>, "attribute": <dotted path to report>,
#    "protocol": "tcp" | "udp" | "all" | <other, lower case> | null,
#    "from_port": <number> | null, "to_port": <number> | null,
#    "cidrs": [<cidr>...], "unknown": <subset of {"protocol", "ports", "cidrs"}>,
#    "unknown_attributes": <the attribute names behind "unknown", for messages>}.
# An aws_security_group whose whole ingress attribute is unknown declares no
# inline rule: the attribute is computed when the rules are separate
# resources, and those are judged themselves.
ingress_rules contains rule if {
	some sg in terraform.resources("aws_security_group")
	some i, block in _list(terraform.get(sg, "ingress", []))
	rule := _rule(sg, sprintf("ingress.%d", [i]), block, _classic)
}

ingress_rules contains rule if {
	some r in terraform.resources("aws_security_group_rule")
	r.values.type == "ingress"
	rule := _rule(r, "", r.values, _classic)
}

ingress_rules contains rule if {
	some r in terraform.resources("aws_vpc_security_group_ingress_rule")
	rule := _rule(r, "", r.values, _vpc)
}

# egress_rules is the set of egress permissions in the input, in the shape
# of ingress_rules ("cidrs" are then destinations), from the same three
# forms: inline egress blocks, aws_security_group_rule of type egress, and
# aws_vpc_security_group_egress_rule.
egress_rules contains rule if {
	some sg in terraform.resources("aws_security_group")
	some i, block in _list(terraform.get(sg, "egress", []))
	rule := _rule(sg, sprintf("egress.%d", [i]), block, _classic)
}

egress_rules contains rule if {
	some r in terraform.resources("aws_security_group_rule")
	r.values.type == "egress"
	rule := _rule(r, "", r.values, _classic)
}

egress_rules contains rule if {
	some r in terraform.resources("aws_vpc_security_group_egress_rule")
	rule := _rule(r, "", r.values, _vpc)
}

_rule(r, block_path, block, attrs) := rule if {
	unknown_names := {name |
		some names in attrs
		some name in names
		terraform.unknown(r, concat(".", array.concat(_segments(block_path), [name])))
	}
	rule := {
		"resource": r,
		"attribute": _attribute(block_path, block, attrs),
		"protocol": _protocol(object.get(block, attrs.protocol[0], null)),
		"from_port": object.get(block, "from_port", null),
		"to_port": object.get(block, "to_port", null),
		"cidrs": [c | some a in attrs.cidrs; some c in _list(object.get(block, a, null))],
		"unknown": {k | some k, names in attrs; some name in names; name in unknown_names},
		"unknown_attributes": unknown_names,
	}
}

_segments(path) := [] if {
	path == ""
} else := split(path, ".")

# The reported attribute: the inline block, else the first attribute that
# holds a public CIDR, else the first CIDR attribute.
_attribute(block_path, block, attrs) := block_path if {
	block_path != ""
} else := a if {
	public := [name |
		some name in attrs.cidrs
		some c in _list(object.get(block, name, null))
		public_cidr(c)
	]
	a := public[0]
} else := attrs.cidrs[0]

_list(x) := x if {
	is_array(x)
} else := [] if {
	x == null
} else := [x]

# protocol names as AWS accepts them: numbers, names, -1 for everything.
_protocol(p) := null if {
	p == null
} else := "all" if {
	lower(sprintf("%v", [p])) in {"-1", "all"}
} else := "tcp" if {
	lower(sprintf("%v", [p])) in {"tcp", "6"}
} else := "udp" if {
	lower(sprintf("%v", [p])) in {"udp", "17"}
} else := lower(sprintf("%v", [p]))

# exposes(rule, port, protocols) is true when rule admits traffic from the
# whole internet to port over one of protocols (a set such as {"tcp"});
# protocol "all" (-1) admits every port.
exposes(rule, port, protocols) if {
	_public(rule)
	_covers(rule, port, protocols)
}

# may_expose(rule, port, protocols) is true when exposes() cannot be decided
# before apply: it does not hold, but would with some value of the unknown
# protocol, ports or CIDRs.
may_expose(rule, port, protocols) if {
	not exposes(rule, port, protocols)
	_maybe_public(rule)
	_maybe_covers(rule, port, protocols)
}

# exposed_ports(rule, ports) is the pairs [port, protocols] of ports to
# which rule admits traffic from the whole internet (exposes), in the order
# of ports. Rules that check many ports use it: it tests the CIDRs once for
# all of them, where exposes() tests them once per port.
exposed_ports(rule, ports) := [p |
	_public(rule)
	some p in ports
	_covers(rule, p[0], p[1])
]

# may_expose_ports(rule, ports) is the pairs [port, protocols] of ports for
# which may_expose() holds, in the order of ports.
may_expose_ports(rule, ports) := [p |
	_maybe_public(rule)
	some p in ports
	not exposes(rule, p[0], p[1])
	_maybe_covers(rule, p[0], p[1])
]

_public(rule) if {
	some c in rule.cidrs
	public_cidr(c)
}

_maybe_public(rule) if _public(rule)

_maybe_public(rule) if "cidrs" in rule.unknown

_covers(rule, _, _) if rule.protocol == "all"

_covers(rule, port, protocols) if {
	rule.protocol in protocols
	rule.from_port <= port
	port <= rule.to_port
}

_maybe_covers(rule, port, protocols) if _covers(rule, port, protocols)

_maybe_covers(rule, _, _) if "protocol" in rule.unknown

_maybe_covers(rule, _, protocols) if {
	"ports" in rule.unknown
	rule.protocol in protocols
}

# wide_open(rule) is true when rule admits every port from the whole
# internet: protocol "all" (-1) or a TCP/UDP range 0-65535 (or 1-65535).
wide_open(rule) if {
	_public(rule)
	_all_ports(rule)
}

# may_be_wide_open(rule) is true when wide_open() cannot be decided before
# apply: it does not hold, but would with some value of the unknown parts.
may_be_wide_open(rule) if {
	not wide_open(rule)
	_maybe_public(rule)
	_maybe_all_ports(rule)
}

_all_ports(rule) if rule.protocol == "all"

_all_ports(rule) if {
	rule.from_port <= 1
	rule.to_port >= 65535
}

_maybe_all_ports(rule) if _all_ports(rule)

_maybe_all_ports(rule) if "protocol" in rule.unknown

_maybe_all_ports(rule) if "ports" in rule.unknown

_nacl := {"protocol": ["protocol"], "ports": ["from_port", "to_port"], "cidrs": ["cidr_block", "ipv6_cidr_block"]}

# nacl_ingress_rules is the set of inbound allow entries of network ACLs, in
# the shape of ingress_rules: inline ingress blocks of aws_network_acl and
# aws_default_network_acl (wholly unknown blocks are computed, not declared)
# and aws_network_acl_rule with egress false. Deny entries are left out;
# rule numbers (evaluation order) are not considered.
nacl_ingress_rules contains rule if {
	some type in ["aws_network_acl", "aws_default_network_acl"]
	some acl in terraform.resources(type)
	some i, block in _list(terraform.get(acl, "ingress", []))
	lower(object.get(block, "action", "")) == "allow"
	rule := _rule(acl, sprintf("ingress.%d", [i]), block, _nacl)
}

nacl_ingress_rules contains rule if {
	some r in terraform.resources("aws_network_acl_rule")
	terraform.get(r, "egress", false) == false
	not terraform.unknown(r, "egress")
	lower(terraform.get(r, "rule_action", "")) == "allow"
	rule := _rule(r, "", r.values, _nacl)
}

# An entry whose direction or action is known only after apply may be an
# inbound allow entry: it is one with "undecided" set and those attributes
# among its unknown ones, so that rules report unknown where they would
# fail, never pass it.
nacl_ingress_rules contains object.union(rule, {"undecided": true, "unknown_attributes": (rule.unknown_attributes | undecided)}) if {
	some r in terraform.resources("aws_network_acl_rule")
	undecided := {a | some a in ["egress", "rule_action"]; terraform.unknown(r, a)}
	count(undecided) > 0
	terraform.get(r, "egress", false) == false
	lower(terraform.get(r, "rule_action", "allow")) == "allow"
	rule := _rule(r, "", r.values, _nacl)
}

# restricting_keys are the condition keys (lower case) that tie a statement
# for every principal to an account, an organization, a source resource or a
# network, in the resource policies of SNS, SQS and ECR.
restricting_keys := {
	"aws:sourceowner", "aws:sourceaccount", "aws:sourcearn", "aws:principalorgid",
	"aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourcevpc", "aws:sourcevpce", "aws:sourceorgid", "aws:sourceorgpaths",
}

# open_statement(st) is true when policy statement st allows every principal
# (iam.anonymous) without a condition on one of restricting_keys.
open_statement(st) if {
	iam.anonymous(st)
	not iam.conditioned_on(st, restricting_keys)
}
