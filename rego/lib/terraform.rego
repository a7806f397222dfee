# METADATA
# title: Terraform helpers
# description: >-
#   Selection of live managed resources by type, safe attribute reads, the
#   unknown-until-apply test and reference joins between resources, over the
#   tenet.input/v1 document of a Terraform plan or state.
# scope: package
# custom:
#   library: true
package tenet.lib.terraform

import rego.v1

# Built-in rules read resources only through the public functions below,
# naming resource types as string constants, and judge only resources of
# their selector types: the engine relies on both to evaluate a large plan
# in shards and to skip rules whose types a document lacks
# (pkg/engine/shard.go, applicable.go; tests check every shared input).

# _live is every managed resource that the plan does not delete.
_live := [r |
	some r in input.resources
	r.mode == "managed"
	r.action != "delete"
]

# _by_type groups _live by type. The inner comprehension closes over t and
# compares with ==, so OPA indexes it: one pass over the resources, cached
# for the whole query, instead of a scan on every resources() call (rules run
# on inputs with 10,000+ resources). The keys come from a set, each once:
# OPA rehashes a whole object when a comprehension inserts a key it already
# holds, so one insert per resource instead of per type costs
# resources × types.
_by_type := {t: rs |
	some t in _types
	rs := [x | some x in _live; x.type == t]
}

_types := {r.type | some r in _live}

# resources(type) is the array of managed resources of type that the plan
# does not delete, in input order; [] when there is none.
resources(type) := object.get(_by_type, type, [])

# data_sources(type) is the array of data sources of type, in input order.
data_sources(type) := [d | some d in _data; d.type == type]

# _data is every data source, in input order: a plan holds few, so each
# data_sources() call scans them rather than every resource.
_data := [d | some d in input.resources; d.mode == "data"]

# unknown(r, path) is true when the attribute at the dotted path, or a block
# that contains it, or an attribute inside it, is known only after apply.
# Paths compare segment by segment ("versioning" matches
# "versioning.0.enabled" and the reverse; "vers" matches neither). A path
# without numeric segments ignores the list indexes of r.unknown, so
# "rule.apply_server_side_encryption_by_default.sse_algorithm" matches
# "rule.0.apply_server_side_encryption_by_default.0.sse_algorithm"; a path
# with numeric segments compares them exactly.
unknown(r, path) if {
	# One built-in call drops, before any iteration, the resources none of
	# whose unknown attributes starts with the path's first segment: most
	# of them (plans often list twenty unknown attributes, and rules ask
	# many times). An absent or empty list fails it too.
	strings.any_prefix_match(r.unknown, _first(path))
	some u in r.unknown
	startswith(concat("", [u, "."]), _head(path))
	q := _split_path(path)
	_overlap(q, _comparable(split(u, "."), q))
}

_first(path) := _split_path(path)[0]

# _split_path(path) and _head(path) depend on the path alone, and rules use a
# few constant paths: OPA caches calls with ground arguments for the query,
# so each path is split once rather than once per resource.
_split_path(path) := split(path, ".")

_head(path) := concat("", [_split_path(path)[0], "."])

# unknown_within(r, path) is true when the attribute at the dotted path
# (list indexes included, "settings.0.ip_configuration.0.ssl_mode"), or
# something inside it, is known only after apply. Unlike unknown, an
# unknown enclosing block does not count: a provider that marks a block
# Optional and Computed shows a block left unset as wholly unknown in a
# plan, which is not a declaration of its attributes.
unknown_within(r, path) if {
	some u in unknown_paths(r)
	_at_or_below(u, path)
}

_at_or_below(u, path) if u == path

_at_or_below(u, path) if startswith(u, concat("", [path, "."]))

# unknown_paths(r) is the array of r's attribute paths known only after
# apply ([] when there is none): rules read the input's "unknown" through
# it and the tests above, never directly.
unknown_paths(r) := object.get(r, "unknown", [])

# any_unknown(r, paths) is true when one of paths is unknown(r, path).
any_unknown(r, paths) if {
	some path in paths
	unknown(r, path)
}

_comparable(segments, q) := segments if {
	_has_index(q)
} else := [s | some s in segments; not _is_index(s)]

_has_index(segments) if {
	some s in segments
	_is_index(s)
}

_is_index(s) if regex.match(`^[0-9]+$`, s)

_overlap(a, b) if {
	n := min([count(a), count(b)])
	array.slice(a, 0, n) == array.slice(b, 0, n)
}

# get(r, path, fallback) reads r.values at a dotted path whose numeric
# segments index lists ("versioning.0.enabled"); fallback when a step is
# missing or the value is null (Terraform writes null for unset attributes).
get(r, path, fallback) := v if {
	not contains(path, ".")
	v := r.values[path]
	v != null
} else := v if {
	contains(path, ".")
	v := object.get(r.values, _keys(path), null)
	v != null
} else := fallback

# _keys(path) is the object.get path of a dotted path (computed once a path
# for the query, as _split_path).
_keys(path) := [_key(s) | some s in _split_path(path)]

_key(s) := to_number(s) if _is_index(s)

_key(s) := s if not _is_index(s)

# is_true(r, path) is true when the attribute at path is the boolean true.
is_true(r, path) if get(r, path, false) == true

# present(r, path) is true when the attribute has a non-null value or is
# unknown until apply (an unknown value is never null: Terraform knows nulls).
present(r, path) if get(r, path, null) != null

present(r, path) if unknown(r, path)

# values_at(r, path) is the set of non-null values found at a dotted path
# written without list indexes, looking through the lists that Terraform uses
# for nested blocks: values_at(b, "versioning.enabled") holds the enabled flag
# of every versioning block. A leaf that is itself a list is returned whole.
values_at(r, path) := {v |
	q := split(path, ".")
	walk(r.values[q[0]], [p, v])
	not is_number(p[count(p) - 1])
	array.concat([q[0]], [s | some s in p; not is_number(s)]) == q
	v != null
}

# tags(r) is the resource's tags merged over tags_all (provider default
# tags); {} when it has neither.
tags(r) := object.union(_object(r.values, "tags_all"), _object(r.values, "tags"))

_object(values, key) := x if {
	x := values[key]
	is_object(x)
} else := {}

# referencing(r, type, attr) is the array of live managed resources of type
# whose attribute attr points at r: in a plan, through the reference
# (r.config_address in e.refs[attr]) unless both sides are known and differ
# (count and for_each instances of one configuration block); without a
# reference (state, or a literal value), by value: e's top-level attribute
# attr equals r's id, bucket, name or arn (an empty one joins nothing).
# Joins go through indexes built once per query, so a rule that joins
# every bucket stays linear.
referencing(r, type, attr) := array.concat(
	[e |
		some e in object.get(_by_ref, _key3(type, attr, r.config_address), [])
		not _contradicts(e, attr, r)
	],
	[e |
		some v in _identities(r)
		some e in object.get(_by_value, _key3(type, attr, v), [])
	],
)

# referenced(r, type, attr) is the reverse join: the live managed resources
# of type that r's attribute attr points at.
referenced(r, type, attr) := array.concat(
	[x |
		some target in r.refs[attr]
		some x in object.get(_by_config, target, [])
		x.type == type
		not _contradicts(r, attr, x)
	],
	[x |
		not r.refs[attr]
		v := r.values[attr]
		is_string(v)
		some x in object.get(_by_identity, v, [])
		x.type == type
	],
)

_key3(a, b, c) := concat("|", [a, b, c])

_identities(r) := {v |
	some k in ["id", "bucket", "name", "arn"]
	v := r.values[k]
	is_string(v)
	v != ""
}

# A reference is contradicted when e's value is known and equals none of r's
# known string attributes: e points at another instance of r's block.
_contradicts(e, attr, r) if {
	v := e.values[attr]
	is_string(v)
	not v in {x | some x in r.values; is_string(x)}
}

# Join indexes: [key, resource] edges, grouped by key (indexed, and each
# key inserted once, as _by_type).
_ref_edges := [[_key3(e.type, attr, target), e] |
	some e in _live
	some attr, targets in e.refs
	some target in targets
]

_by_ref := {k: es |
	some k in {edge[0] | some edge in _ref_edges}
	es := [x[1] | some x in _ref_edges; x[0] == k]
}

# Only values that are some resource's identity can join by value.
_identity_values := {v |
	some r in _live
	some v in _identities(r)
}

_identity_edges := [[v, r] |
	some r in _live
	some v in _identities(r)
]

_by_identity := {v: rs |
	some v in _identity_values
	rs := [x[1] | some x in _identity_edges; x[0] == v]
}

_value_edges := [[_key3(e.type, attr, v), e] |
	some e in _live
	some attr, v in e.values
	is_string(v)
	v in _identity_values
	not e.refs[attr]
]

_by_value := {k: es |
	some k in {edge[0] | some edge in _value_edges}
	es := [x[1] | some x in _value_edges; x[0] == k]
}

_by_config := {c: rs |
	some c in {r.config_address | some r in _live}
	rs := [x | some x in _live; x.config_address == c]
}
