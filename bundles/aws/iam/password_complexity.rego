# METADATA
# title: The account password policy requires upper case, lower case, digits and symbols
# description: >-
#   Requiring every character class widens the space an attacker has to
#   search and rules out the simplest dictionary words. It complements, and
#   does not replace, a long minimum length.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# custom:
#   id: TNT-AWS-IAM-003
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_account_password_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.6"]
#     hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Set require_uppercase_characters, require_lowercase_characters,
#     require_numbers and require_symbols to true.
package tenet.aws.iam.password_complexity

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_flags := ["require_uppercase_characters", "require_lowercase_characters", "require_numbers", "require_symbols"]

deny contains result.fail_attr(p, flag, sprintf("%s is not true", [flag])) if {
	some p in terraform.resources("aws_iam_account_password_policy")
	some flag in _flags
	not terraform.is_true(p, flag)
	not terraform.unknown(p, flag)
}

unknown contains result.unknown(p, flag) if {
	some p in terraform.resources("aws_iam_account_password_policy")
	some flag in _flags
	terraform.unknown(p, flag)
}
