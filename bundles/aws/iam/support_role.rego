# METADATA
# title: The account baseline gives some identity the AWSSupportAccess policy
# description: >-
#   During an incident someone must be able to open and follow AWS Support
#   cases without root or administrator rights. A role or group holding
#   AWSSupportAccess provides that path with least privilege.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSupportAccess.html
# custom:
#   id: TNT-AWS-IAM-010
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_account_password_policy]
#   controls:
#     cis-aws-3.0.0: ["1.17"]
#     cis-aws-1.5.0: ["1.17"]
#     nist-800-53-r5: ["AC-2", "IR-7"]
#     soc2-2017: ["CC7.4"]
#     pci-dss-4.0: ["12.10.1"]
#     hipaa: ["164.308(a)(6)(i)"]
#     gdpr: ["Art. 33(1)"]
#   remediation: >-
#     Attach arn:aws:iam::aws:policy/AWSSupportAccess to a role or group in the
#     configuration that manages the account's IAM baseline.
package tenet.aws.iam.support_role

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Account-level rule. rules.csv judges "plan or state" as a whole, but most
# stacks create roles without owning the account's IAM baseline, and failing
# each of them would be noise. The password policy is the one IAM resource
# that only a baseline configuration declares, so the rule judges the input
# only when it holds one (otherwise: not applicable), and reports there.
deny contains result.fail(p, "no role, user or group in this configuration has the AWSSupportAccess managed policy") if {
	some p in terraform.resources("aws_iam_account_password_policy")
	not _support_attached
	not _pending
}

unknown contains result.unknown_via(p, a, "policy_arn") if {
	some p in terraform.resources("aws_iam_account_password_policy")
	not _support_attached
	some a in _pending_attachments
}

_attachments := ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]

_support(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AWSSupportAccess$`, arn)

_support_attached if {
	some type in _attachments
	some a in terraform.resources(type)
	_support(terraform.get(a, "policy_arn", ""))
}

_support_attached if {
	some r in terraform.resources("aws_iam_role")
	some arn in terraform.get(r, "managed_policy_arns", [])
	_support(arn)
}

_pending_attachments contains a if {
	some type in _attachments
	some a in terraform.resources(type)
	terraform.unknown(a, "policy_arn")
	not a.refs.policy_arn
}

_pending if count(_pending_attachments) > 0
