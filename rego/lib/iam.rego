# METADATA
# title: IAM policy document helpers
# description: >-
#   Safe parsing of the JSON policy documents that IAM, S3 and KMS resources
#   carry as strings, and the statement tests shared by policy rules.
# scope: package
# custom:
#   library: true
package tenet.lib.iam

import rego.v1

import data.tenet.lib.terraform

# document(s) is the policy document in the JSON string s; undefined when s
# is not a string holding a JSON object.
document(s) := d if {
	is_string(s)
	json.is_valid(s)
	d := json.unmarshal(s)
	is_object(d)
}

# statements(s) is the array of statements of the policy in string s,
# whether Statement is one object or a list; [] when s is not a policy.
statements(s) := [st |
	d := document(s)
	some st in as_list(object.get(d, "Statement", null))
	is_object(st)
]

# as_list(x) is x when it is an array, [] when null, else [x]: policy
# elements such as Action and Resource may be a string or a list.
as_list(x) := x if {
	is_array(x)
} else := [] if {
	x == null
} else := [x]

# full_admin(st) is true when statement st allows every action ("*" or
# "*:*") on every resource ("*").
full_admin(st) if {
	st.Effect == "Allow"
	some action in as_list(object.get(st, "Action", null))
	action in {"*", "*:*"}
	some resource in as_list(object.get(st, "Resource", null))
	resource == "*"
}

# statement_name(st, i) names statement st at index i for messages: its Sid,
# else its position.
statement_name(st, i) := sprintf("statement %q", [st.Sid]) if {
	is_string(st.Sid)
	st.Sid != ""
} else := sprintf("statement %d", [i])

# anonymous(st) is true when statement st allows everyone: its Principal is
# "*" or has an AWS principal "*" (a string or in a list).
anonymous(st) if {
	st.Effect == "Allow"
	st.Principal == "*"
}

anonymous(st) if {
	st.Effect == "Allow"
	some p in as_list(object.get(st.Principal, "AWS", null))
	p == "*"
}

# condition_keys(st) is the set of condition keys of statement st, in lower
# case (IAM compares them without case), across every operator.
condition_keys(st) := {lower(k) |
	some block in object.get(st, "Condition", {})
	is_object(block)
	some k, _ in block
}

# conditioned_on(st, keys) is true when st has a condition on one of keys
# (given in lower case); a key ending in "/" matches every key it prefixes
# ("aws:resourcetag/").
conditioned_on(st, keys) if {
	some k in condition_keys(st)
	some want in keys
	_key_matches(k, want)
}

_key_matches(k, want) if k == want

_key_matches(k, want) if {
	endswith(want, "/")
	startswith(k, want)
}

# actions(st) is the array of actions of st, lower case (IAM action names
# ignore case); [] for a NotAction statement.
actions(st) := [lower(a) | some a in as_list(object.get(st, "Action", null)); is_string(a)]

# allows_action(st, action) is true when st allows action (lower case, no
# wildcard): one of its actions equals it or matches it as a wildcard pattern.
allows_action(st, action) if {
	st.Effect == "Allow"
	some a in actions(st)
	glob.match(a, [], action)
}

# resources(st) is the array of Resource entries of st ([] for NotResource).
resources(st) := as_list(object.get(st, "Resource", null))

# candidates(r, attr) is the array of statement arrays that the policy JSON
# at attribute attr of resource r may hold: one when the JSON is known. When
# it is unknown until apply but set from one aws_iam_policy_document data
# source whose statement blocks are all known, one per instance of that data
# source (a for_each data source gives several, and a plan does not say
# which one an instance of r uses). [] when the policy cannot be read.
# Rules deny what every candidate fails and report unknown otherwise.
candidates(r, attr) := [statements(s)] if {
	s := terraform.get(r, attr, null)
	is_string(s)
} else := docs if {
	terraform.unknown(r, attr)
	targets := object.get(object.get(r, "refs", {}), attr, [])
	count(targets) == 1
	instances := [d |
		some d in terraform.data_sources("aws_iam_policy_document")
		d.config_address == targets[0]
	]
	count(instances) > 0
	every d in instances {
		_resolvable(d)
	}
	docs := [document_statements(d) | some d in instances]
} else := []

# Merged documents (source or override) and statements with values known
# only after apply cannot be rebuilt.
_resolvable(d) if {
	every k in ["source_json", "override_json", "source_policy_documents", "override_policy_documents"] {
		not _non_empty(object.get(d.values, k, null))
	}
	not terraform.unknown(d, "statement")
	is_array(d.values.statement)
}

_non_empty(v) if {
	v != null
	v != ""
	v != []
}

# document_statements(d) is the statements of aws_iam_policy_document data
# source d in the JSON shape (Effect, Action, Resource, Principal, Condition).
document_statements(d) := [_statement(b) | some b in d.values.statement]

_fields := {"sid": "Sid", "actions": "Action", "not_actions": "NotAction", "resources": "Resource", "not_resources": "NotResource"}

_statement(b) := object.union_n([
	{"Effect": _effect(b)},
	{k: v |
		some attr, k in _fields
		v := b[attr]
		_non_empty(v)
	},
	{k: v |
		some attr, k in {"principals": "Principal", "not_principals": "NotPrincipal"}
		_non_empty(b[attr])
		v := _principal(b[attr])
	},
	{"Condition": c |
		_non_empty(b.condition)
		c := {test: {v.variable: v.values |
			some v in b.condition
			v.test == test
		} |
			some x in b.condition
			test := x.test
		}
	},
])

_effect(b) := e if {
	e := b.effect
	is_string(e)
	e != ""
} else := "Allow"

# principals { type = "*" identifiers = ["*"] } is written Principal "*".
_principal(blocks) := "*" if {
	some p in blocks
	p.type == "*"
} else := {t: ids |
	some p in blocks
	t := p.type
	ids := [id | some q in blocks; q.type == t; some id in q.identifiers]
}

# resolved(r, attr) is the statements of the policy at attr of r when they
# are known: the JSON is known, or every candidate is the same document.
resolved(r, attr) := docs[0] if {
	docs := candidates(r, attr)
	count({d | some d in docs}) == 1
}

# agreed(sets) is the set of findings that every candidate document yields
# (sets holds one set per candidate; empty when there is none).
agreed(sets) := intersection({s | some s in sets}) if {
	count(sets) > 0
} else := set()

# undecided(sets) is true when the candidates of an unknown policy do not
# settle a rule: there is none, or some fail where others do not.
undecided(sets) if count(sets) == 0

undecided(sets) if {
	count(union({s | some s in sets})) > count(agreed(sets))
}
