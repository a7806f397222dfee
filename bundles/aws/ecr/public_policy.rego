# METADATA
# title: ECR repository policies do not grant access to every principal
# description: >-
#   A repository policy statement for Principal "*" without an account or
#   organization condition lets any AWS account pull, and possibly push,
#   images. Images often embed code and configuration that should stay private.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository_policy
# custom:
#   id: TNT-AWS-ECR-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecr_repository_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Name the accounts in Principal, or add an aws:PrincipalOrgID or aws:PrincipalAccount condition.
package tenet.aws.ecr.public_policy

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.network
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, "policy", msg) if {
	some p in terraform.resources("aws_ecr_repository_policy")
	some msg in iam.agreed(_failures(p))
}

unknown contains result.unknown(p, "policy") if {
	some p in terraform.resources("aws_ecr_repository_policy")
	terraform.unknown(p, "policy")
	iam.undecided(_failures(p))
}

# A policy unknown until apply is read from its aws_iam_policy_document data
# source when that is known (lib.iam candidates).
_failures(p) := [{sprintf("policy %s allows every principal without an account or organization condition", [iam.statement_name(st, i)]) |
	some i, st in statements
	network.open_statement(st)
} |
	some statements in iam.candidates(p, "policy")
]
