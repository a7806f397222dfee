# METADATA
# title: AWS compute helpers
# description: >-
#   The launch resources that start EC2 instances, decoding of user data,
#   the credential patterns shared by the secrets rules, environment tags,
#   and the test that tells an attribute the provider computes because it was
#   left out from one the configuration sets to a value known after apply.
# scope: package
# custom:
#   library: true
package tenet.lib.compute

import rego.v1

import data.tenet.lib.terraform

# launch_types are the resource types that define how EC2 instances start.
launch_types := ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

# launches is the array of live resources of the launch_types.
launches := [r |
	some type in launch_types
	some r in terraform.resources(type)
]

# unset(r, attr) is true when the attribute at dotted path attr of r is unknown in a
# plan only because the provider computes it: the configuration has no
# expression for it (no reference in r.refs), so the provider default or the
# API default will apply. An attribute set from another resource has refs.
# (Values passed only through locals lose their references: see
# docs/input.md.)
unset(r, attr) if {
	terraform.unknown(r, attr)
	not r.refs[concat(".", [s | some s in split(attr, "."); not regex.match(`^[0-9]+$`, s)])]
}

# set_unknown(r, attr) is true when attribute attr is unknown until apply and
# the configuration sets it (see unset).
set_unknown(r, attr) if {
	terraform.unknown(r, attr)
	not unset(r, attr)
}

# text(s) is string s decoded from base64 when it is valid base64 of UTF-8
# text, else s itself.
text(s) := decoded if {
	is_string(s)
	regex.match(`^[A-Za-z0-9+/\s]+={0,2}$`, s)
	decoded := base64.decode(regex.replace(s, `\s`, ""))
	_printable(decoded)
} else := s

# _printable(s) holds when s is printable text (no control characters other
# than whitespace), which decoded binary rarely is.
_printable(s) if regex.match(`^[\t\n\r\x20-\x7e\x{80}-\x{10ffff}]*$`, s)

_credential_patterns := {
	"an AWS access key id": `\b(AKIA|ASIA)[A-Z0-9]{16}\b`,
	"an AWS secret access key": `(?i)aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}`,
	"a private key": `-----BEGIN ([A-Z]+ )?PRIVATE KEY( BLOCK)?-----`,
}

# credentials(s) is the set of descriptions of the credentials found in
# string s ("an AWS access key id", "an AWS secret access key", "a private
# key"); empty when there is none.
credentials(s) := {name |
	is_string(s)
	some name, pattern in _credential_patterns
	regex.match(pattern, s)
}

# non_production(r) is true when r carries an environment tag (see
# environment_key) whose value names a non-production environment (see
# non_production_value) and no environment tag whose value names production
# (prod, production, prd, live): tags that disagree leave r judged.
# Untagged resources count as production: rules that apply to production
# only still judge them. Tags are r's tags over its tags_all.
non_production(r) if {
	values := environment_values(r)
	some v in values
	non_production_value(v)
	not _names_production(values)
}

# environment_values(r) is the array of the string values of r's
# environment tags.
environment_values(r) := [v |
	some key, v in terraform.tags(r)
	environment_key(key)
	is_string(v)
]

# environment_key(key) is true when tag key key names an environment: split
# into words at every character other than a letter or digit (`_`, `-`, `:`,
# `.`, `/`, ...) and at camelCase, and read in any case, its last word is
# env, environment, stage or tier, or its last two words are one of those and
# name or type. So Environment, app_environment, AppEnv, team:stage,
# deployment-tier and EnvironmentName are environment keys;
# environment_owner, aws:cloudformation:stack-name, environments and
# backstage are not.
environment_key(key) if {
	words := _words(key)
	words[count(words) - 1] in _environment_words
}

environment_key(key) if {
	words := _words(key)
	count(words) >= 2
	words[count(words) - 1] in {"name", "type"}
	words[count(words) - 2] in _environment_words
}

_environment_words := {"env", "environment", "stage", "tier"}

# non_production_value(v) is true when environment tag value v names a
# non-production environment: non-prod, nonprod, not-prod, pre-prod or
# preproduction (in any case and spelling with or without a separator), or
# a word (split as environment_key splits keys, trailing digits dropped, so
# dev01 and qa2 count) from _non_production_words, with no word naming
# production (prod-test is production). Words are matched whole: devops,
# latest and contest name no environment.
non_production_value(v) if {
	is_string(v)
	regex.match(`(^|[^a-z])(non|not|pre)[^a-z0-9]?prod(uction)?([^a-z]|$)`, lower(v))
}

non_production_value(v) if {
	is_string(v)
	words := {trim_right(w, "0123456789") | some w in _words(v)}
	some w in words
	w in _non_production_words
	not _production_word(words)
}

_non_production_words := {
	"dev", "devel", "develop", "development", "test", "testing", "tst", "qa", "uat", "sit",
	"integration", "staging", "stage", "stg", "sandbox", "sbx", "demo", "lab", "poc", "preview",
	"ephemeral", "playground", "nonprod", "preprod", "preproduction",
}

_production_words := {"prod", "production", "prd", "live"}

_production_word(words) if {
	some w in words
	w in _production_words
}

_names_production(values) if {
	some v in values
	not non_production_value(v)
	_production_word({trim_right(w, "0123456789") | some w in _words(v)})
}

# _words(s) is s split into lower-case words at camelCase boundaries and at
# every character that is not a letter or digit.
_words(s) := [w |
	some w in regex.split(`[^a-z0-9]+`, lower(regex.replace(s, `([a-z0-9])([A-Z])`, "${1} ${2}")))
	w != ""
]

# ebs_encrypted_by_default is true when the input turns on EBS encryption by
# default (aws_ebs_encryption_by_default with enabled known and not false):
# every new volume of the region is then encrypted.
ebs_encrypted_by_default if {
	some d in terraform.resources("aws_ebs_encryption_by_default")
	terraform.get(d, "enabled", true) == true
	not terraform.unknown(d, "enabled")
}
