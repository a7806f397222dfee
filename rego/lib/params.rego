# METADATA
# title: Parameters of the built-in rules
# description: >-
#   Values an organisation sets for the rules that need them, such as the
#   registries its images may come from. They are read from data.tenet.params,
#   which a --data file provides ({"tenet": {"params": {...}}}); a rule whose
#   parameter is not set applies its documented default, which for a list of
#   allowed values is usually "off".
# scope: package
# custom:
#   library: true
package tenet.lib.params

import rego.v1

# get(name, fallback) is the parameter name of data.tenet.params, or fallback
# when it is not set. It reads only that one key: reading data as a whole
# would evaluate every rule.
get(name, fallback) := v if {
	v := data.tenet.params[name]
} else := fallback

# list(name) is the parameter name, an array of strings, as a set; empty
# when the parameter is not set. Entries that are not strings are left out.
list(name) := {v | some v in get(name, []); is_string(v)}
