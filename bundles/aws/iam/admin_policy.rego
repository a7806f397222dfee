# METADATA
# title: IAM policies do not grant full administrative access
# description: >-
#   A statement that allows every action on every resource makes whoever holds
#   the policy an administrator, with no limit on what a leaked credential can
#   do. Grant the actions a task needs, and keep administration to a few
#   audited roles.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TNT-AWS-IAM-005
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.16"]
#     cis-aws-1.5.0: ["1.16"]
#     nist-800-53-r5: ["AC-2", "AC-3", "AC-5", "AC-6", "AC-6(10)"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Replace Action "*" on Resource "*" with the specific actions and resources the principal needs.
package tenet.aws.iam.admin_policy

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

# An aws_iam_policy_document data source is read at plan time, so its JSON
# already sits in the policy attribute of the resource that uses it; the
# data source alone grants nothing and is not judged.
_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

deny contains result.fail_attr(p, "policy", sprintf("%s allows every action on every resource", [name])) if {
	some [p, st, name] in _admin
	not st.Condition
}

# A Condition narrows the grant (rules.csv): still worth a review.
warn contains result.fail_attr(p, "policy", sprintf("%s allows every action on every resource under a condition", [name])) if {
	some [p, st, name] in _admin
	st.Condition
}

unknown contains result.unknown(p, "policy") if {
	some p in _policies
	terraform.unknown(p, "policy")
}

_policies contains p if {
	some type in _types
	some p in terraform.resources(type)
}

_admin contains [p, st, iam.statement_name(st, i)] if {
	some p in _policies
	some i, st in iam.statements(terraform.get(p, "policy", null))
	iam.full_admin(st)
}
