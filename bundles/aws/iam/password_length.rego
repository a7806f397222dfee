# METADATA
# title: The account password policy requires passwords of at least 14 characters
# description: >-
#   Length is what most slows down guessing and cracking of a password. A
#   minimum of 14 characters keeps console passwords out of reach of common
#   brute-force attacks.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# custom:
#   id: TNT-AWS-IAM-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_account_password_policy]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.8"]
#     cis-aws-1.5.0: ["1.8"]
#     nist-800-53-r5: ["IA-5", "IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.6"]
#     hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set minimum_password_length = 14 or more on aws_iam_account_password_policy.
package tenet.aws.iam.password_length

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, "minimum_password_length", sprintf("minimum_password_length is %v, below 14", [n])) if {
	some p in terraform.resources("aws_iam_account_password_policy")
	not terraform.unknown(p, "minimum_password_length")
	n := terraform.get(p, "minimum_password_length", "unset")
	not _at_least(n, 14)
}

unknown contains result.unknown(p, "minimum_password_length") if {
	some p in terraform.resources("aws_iam_account_password_policy")
	terraform.unknown(p, "minimum_password_length")
}

_at_least(n, min) if {
	is_number(n)
	n >= min
}
