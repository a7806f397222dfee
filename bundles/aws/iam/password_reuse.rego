# METADATA
# title: The account password policy does not let users reuse their last 24 passwords
# description: >-
#   Without a reuse limit a user forced to change a password can switch
#   straight back to the old, possibly leaked one. Remembering 24 passwords
#   makes a changed password stay changed.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# custom:
#   id: TNT-AWS-IAM-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_account_password_policy]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.9"]
#     cis-aws-1.5.0: ["1.9"]
#     nist-800-53-r5: ["IA-5", "IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.6"]
#     hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set password_reuse_prevention = 24 on aws_iam_account_password_policy.
package tenet.aws.iam.password_reuse

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, "password_reuse_prevention", sprintf("password_reuse_prevention is %v, below 24", [n])) if {
	some p in terraform.resources("aws_iam_account_password_policy")
	not terraform.unknown(p, "password_reuse_prevention")
	n := terraform.get(p, "password_reuse_prevention", "unset")
	not _at_least(n, 24)
}

unknown contains result.unknown(p, "password_reuse_prevention") if {
	some p in terraform.resources("aws_iam_account_password_policy")
	terraform.unknown(p, "password_reuse_prevention")
}

_at_least(n, min) if {
	is_number(n)
	n >= min
}
