# METADATA
# title: AWS compute helpers
# description: >-
#   The launch resources that start EC2 instances, decoding of user data,
#   the credential patterns shared by the secrets rules, environment tags,
#   and the test that tells an attribute the provider computes because the
#   configuration leaves it out from one the configuration sets (or may set)
#   to a value known after apply.
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

# The unknown-until-apply principle. A plan lists an attribute as unknown
# both when the configuration sets it from a value not known yet and when
# the configuration leaves it out and the provider computes it. A rule may
# judge an unknown attribute as left out only on positive evidence from the
# plan's configuration (r.configured, see docs/input.md), and then judges
# the attribute's default: a fixed default of the provider or the API is
# judged; one decided outside the plan (the AMI, the account's defaults) is
# unknown (TNT-AWS-EC2-003, TNT-AWS-EC2-004). Anything else unknown that
# decides a rule is reported unknown, never failed and never passed.
#
# unset(r, attr) is true when the attribute or block at dotted path attr of
# r (list indexes allowed) is unknown in a plan only because the
# configuration leaves it out: the plan's configuration shows r and sets
# neither attr, nor an attribute that contains it, nor one inside it; and,
# for an attribute of a nested block, the configuration writes that block
# (sets another of its attributes) or the whole block is unknown, left to
# the provider. Terraform leaves dynamic blocks out of the configuration, so
# a block the plan knows but the configuration does not write comes from a
# dynamic block whose attributes may be set: they are set_unknown. (A
# dynamic block whose for_each is itself unknown until apply is a wholly
# unknown block, as one left out, and counts as left out.)
unset(r, attr) if {
	terraform.unknown(r, attr)
	configured := r.configured
	p := _plain(attr)
	not _touches(configured, p)
	_left_to_provider(r, configured, p)
}

# set_unknown(r, attr) is true when attribute attr is unknown until apply and
# is not shown to be left out (see unset): the configuration sets it, may
# set it, or is not in the input.
set_unknown(r, attr) if {
	terraform.unknown(r, attr)
	not unset(r, attr)
}

# from_resource(r, attr) is true when attribute attr is unknown until apply
# and its expression refers to a resource or data source of the
# configuration (r.refs): it will hold one of that resource's attributes,
# so a rule that asks only whether attr is set counts it as set. A value
# passed through a local, each.* or count.* keeps no reference.
from_resource(r, attr) if {
	terraform.unknown(r, attr)
	count(object.get(object.get(r, "refs", {}), _plain(attr), [])) > 0
}

# presence_unknown(r, attr) is true when whether attribute attr will be set
# at all is known only after apply: it is set_unknown and does not refer to
# another resource. Rules that ask only whether attr is set report it
# unknown.
presence_unknown(r, attr) if {
	set_unknown(r, attr)
	not from_resource(r, attr)
}

# _plain(attr) is attr without its list indexes.
_plain(attr) := concat(".", [s | some s in split(attr, "."); not regex.match(`^[0-9]+$`, s)])

# _touches(configured, p) holds when configured sets p, an attribute that
# contains it (network_interface = local.nics), or one inside it.
_touches(configured, p) if p in configured

_touches(configured, p) if {
	some c in configured
	startswith(p, concat("", [c, "."]))
}

_touches(configured, p) if {
	some c in configured
	startswith(c, concat("", [p, "."]))
}

# _left_to_provider(r, configured, p) holds when p is a top-level
# attribute, when the configuration writes the block that holds it, or
# when an enclosing block is wholly unknown.
_left_to_provider(_, _, p) if not contains(p, ".")

_left_to_provider(_, configured, p) if {
	parts := split(p, ".")
	block := concat(".", array.slice(parts, 0, count(parts) - 1))
	some c in configured
	startswith(c, concat("", [block, "."]))
}

_left_to_provider(r, _, p) if {
	some u in r.unknown
	startswith(p, concat("", [_plain(u), "."]))
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
	# A CloudFormation dynamic reference to a secret is replaced by the
	# secret itself when the stack is deployed, in plain text wherever the
	# property is shown (a task definition, a function's configuration).
	"a secret that CloudFormation resolves into plain text": `\{\{resolve:(secretsmanager|ssm-secure):`,
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
