# METADATA
# title: Console passwords expire within 90 days
# description: >-
#   Where a password is the only factor, a maximum age bounds how long a
#   leaked password stays useful. NIST SP 800-63B discourages forced rotation
#   when MFA is in place, so this rule is low severity.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy
# custom:
#   id: TNT-AWS-IAM-004
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_account_password_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.9"]
#     hipaa: ["164.308(a)(5)(ii)(D)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set max_password_age between 1 and 90 on aws_iam_account_password_policy.
package tenet.aws.iam.password_max_age

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# 0 and unset both mean that passwords never expire.
deny contains result.fail_attr(p, "max_password_age", msg) if {
	some p in terraform.resources("aws_iam_account_password_policy")
	not terraform.unknown(p, "max_password_age")
	age := terraform.get(p, "max_password_age", 0)
	not _within(age)
	msg := sprintf("max_password_age is %v: passwords must expire within 90 days", [age])
}

unknown contains result.unknown(p, "max_password_age") if {
	some p in terraform.resources("aws_iam_account_password_policy")
	terraform.unknown(p, "max_password_age")
}

_within(age) if {
	age > 0
	age <= 90
}
