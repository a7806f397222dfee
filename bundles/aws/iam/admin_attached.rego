# METADATA
# title: The AdministratorAccess managed policy is attached to no identity
# description: >-
#   AdministratorAccess allows every action on every resource, so any user,
#   group or role holding it can change or destroy the whole account. Keep
#   administration to a few break-glass roles granted outside routine code.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
# custom:
#   id: TNT-AWS-IAM-008
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.16"]
#     cis-aws-1.5.0: ["1.16"]
#     nist-800-53-r5: ["AC-2", "AC-3", "AC-5", "AC-6", "AC-6(10)"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5", "7.3.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Replace AdministratorAccess with a policy limited to the actions and resources the identity needs.
package tenet.aws.iam.admin_attached

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attachments := ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]

_msg := "the AdministratorAccess managed policy is attached"

# rules.csv allows a tag exception for break-glass roles; no tag convention
# exists yet, so waivers serve that purpose.
deny contains result.fail_attr(a, "policy_arn", _msg) if {
	some type in _attachments
	some a in terraform.resources(type)
	_admin(terraform.get(a, "policy_arn", ""))
}

deny contains result.fail_attr(r, "managed_policy_arns", _msg) if {
	some r in terraform.resources("aws_iam_role")
	some arn in terraform.get(r, "managed_policy_arns", [])
	_admin(arn)
}

unknown contains result.unknown(a, "policy_arn") if {
	some type in _attachments
	some a in terraform.resources(type)
	terraform.unknown(a, "policy_arn")
	not a.refs.policy_arn
}

# A list through a local may hold AdministratorAccess; one that refers to
# other resources holds their policies.
unknown contains result.unknown(r, "managed_policy_arns") if {
	some r in terraform.resources("aws_iam_role")
	terraform.unknown(r, "managed_policy_arns")
	not r.refs.managed_policy_arns
	not compute.unset(r, "managed_policy_arns")
}

_admin(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
