# METADATA
# title: IAM users receive permissions through groups or roles only
# description: >-
#   Permissions attached to individual users are scattered and easy to miss
#   when people change jobs or leave. Granting through groups and roles keeps
#   access reviewable in one place.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_user_policy_attachment
# custom:
#   id: TNT-AWS-IAM-007
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.15"]
#     cis-aws-1.5.0: ["1.15"]
#     nist-800-53-r5: ["AC-2", "AC-3", "AC-6"]
#     soc2-2017: ["CC6.2", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Attach the policy to a group the user belongs to, or to a role the user assumes, instead of the user.
package tenet.aws.iam.user_policies

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(p, "an inline policy is attached directly to a user") if {
	some p in terraform.resources("aws_iam_user_policy")
}

deny contains result.fail_attr(a, "user", "a managed policy is attached directly to a user") if {
	some a in terraform.resources("aws_iam_user_policy_attachment")
}

# An empty name attaches to nobody (users = [""] in
# regula-user_attached_policy_infra.json).
deny contains result.fail_attr(a, "users", "the policy attachment includes users") if {
	some a in terraform.resources("aws_iam_policy_attachment")
	count([u | some u in terraform.get(a, "users", []); u != ""]) > 0
}

unknown contains result.unknown(a, "users") if {
	some a in terraform.resources("aws_iam_policy_attachment")
	terraform.unknown(a, "users")
}
