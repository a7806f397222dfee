# METADATA
# title: IAM policies name actions rather than granting whole services
# description: >-
#   An action such as "s3:*" or "*" grants every present and future action of
#   a service, including destructive and permission-changing ones. Listing the
#   actions a task needs keeps a leaked credential's reach small.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: TNT-AWS-IAM-006
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5", "7.3.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Replace "<service>:*" and "*" actions with the specific actions the principal needs.
package tenet.aws.iam.service_wildcard

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# A policy unknown until apply is read from its aws_iam_policy_document
# data source when that is known (lib.iam candidates).
deny contains result.fail_attr(p, "policy", msg) if {
	some p in _policies
	some msg in iam.agreed(_failures(p))
}

unknown contains result.unknown(p, "policy") if {
	some p in _policies
	terraform.unknown(p, "policy")
	iam.undecided(_failures(p))
}

# Statements narrowed by NotResource or a Condition are left out (rules.csv).
_failures(p) := [{sprintf("%s allows %s", [iam.statement_name(st, i), concat(", ", wildcards)]) |
	some i, st in statements
	st.Effect == "Allow"
	not st.NotResource
	not st.Condition
	wildcards := [sprintf("%q", [a]) | some a in iam.actions(st); _wildcard(a)]
	count(wildcards) > 0
} |
	some statements in iam.candidates(p, "policy")
]

_policies contains p if {
	some type in _types
	some p in terraform.resources(type)
}

_wildcard("*")

_wildcard(a) if regex.match(`^[a-z0-9-]+:\*$`, a)
