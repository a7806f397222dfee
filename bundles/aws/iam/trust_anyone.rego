# METADATA
# title: Role trust policies do not let every AWS principal assume the role
# description: >-
#   A trust policy that allows Principal "*" without a condition lets any AWS
#   account in the world assume the role and use its permissions. Trust must
#   name accounts or services, or be tied to the organization or an external
#   id.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role#assume_role_policy
# custom:
#   id: TNT-AWS-IAM-009
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_role]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Name the trusted accounts or services in the trust policy's Principal,
#     or add a condition on aws:PrincipalOrgID, aws:PrincipalAccount or
#     sts:ExternalId.
package tenet.aws.iam.trust_anyone

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

_restricting := {"aws:principalorgid", "aws:principalaccount", "sts:externalid", "aws:sourceaccount"}

_assume := ["sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity"]

# A trust policy unknown until apply is read from its
# aws_iam_policy_document data source when that is known (lib.iam
# candidates): rules.csv asks for the resolved document.
deny contains result.fail_attr(r, "assume_role_policy", msg) if {
	some r in terraform.resources("aws_iam_role")
	some msg in iam.agreed(_failures(r))
}

unknown contains result.unknown(r, "assume_role_policy") if {
	some r in terraform.resources("aws_iam_role")
	terraform.unknown(r, "assume_role_policy")
	iam.undecided(_failures(r))
}

_failures(r) := [{sprintf("%s lets any principal assume the role", [iam.statement_name(st, i)]) |
	some i, st in statements
	iam.anonymous(st)
	some action in _assume
	iam.allows_action(st, action)
	not iam.conditioned_on(st, _restricting)
} |
	some statements in iam.candidates(r, "assume_role_policy")
]
