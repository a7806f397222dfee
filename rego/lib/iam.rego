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
