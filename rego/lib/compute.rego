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

_non_production := {"dev", "development", "test", "testing", "qa", "sandbox", "staging", "stage", "uat", "demo"}

# non_production(r) is true when r carries an environment tag (env,
# environment, stage, any case) whose value names a non-production
# environment ("dev", "test", "staging", ...). Untagged resources count as
# production: rules that apply to production only still judge them.
non_production(r) if {
	some key, value in terraform.tags(r)
	lower(key) in {"env", "environment", "stage"}
	lower(value) in _non_production
}

# ebs_encrypted_by_default is true when the input turns on EBS encryption by
# default (aws_ebs_encryption_by_default with enabled known and not false):
# every new volume of the region is then encrypted.
ebs_encrypted_by_default if {
	some d in terraform.resources("aws_ebs_encryption_by_default")
	terraform.get(d, "enabled", true) == true
	not terraform.unknown(d, "enabled")
}
