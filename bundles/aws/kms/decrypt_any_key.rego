# METADATA
# title: IAM policies do not allow decrypting with every KMS key
# description: >-
#   Allowing kms:Decrypt on Resource "*" lets the holder decrypt data under
#   any key whose key policy defers to IAM, across every service. Naming the
#   keys, or tying use to a service or tag, keeps the grant to its purpose.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/iam-policies-best-practices.html
# custom:
#   id: TNT-AWS-KMS-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-12"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["3.6.1", "7.2.1", "7.2.2"]
#     hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)", "Art. 32(1)(b)"]
#   remediation: >-
#     List the key ARNs in Resource, or add a kms:ViaService or aws:ResourceTag
#     condition to the statement.
package tenet.aws.kms.decrypt_any_key

import rego.v1

import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# IAM action names compare in lower case; messages use the documented case.
_decrypting := {"kms:decrypt": "kms:Decrypt", "kms:reencryptfrom": "kms:ReEncryptFrom"}

_narrowing := {"kms:viaservice", "aws:resourcetag/", "kms:encryptioncontext:", "kms:encryptioncontextkeys"}

deny contains result.fail_attr(p, "policy", msg) if {
	some p in _policies
	some msg in iam.agreed(_failures(p))
}

unknown contains result.unknown(p, "policy") if {
	some p in _policies
	terraform.unknown(p, "policy")
	iam.undecided(_failures(p))
}

# A policy unknown until apply is read from its aws_iam_policy_document data
# source when that is known (lib.iam candidates).
_failures(p) := [{sprintf("%s allows %s on every KMS key (Resource \"*\")", [iam.statement_name(st, i), concat(" and ", actions)]) |
	some i, st in statements
	"*" in iam.resources(st)
	not iam.conditioned_on(st, _narrowing)
	actions := [name | some a, name in _decrypting; iam.allows_action(st, a)]
	count(actions) > 0
} |
	some statements in iam.candidates(p, "policy")
]

_policies contains p if {
	some type in _types
	some p in terraform.resources(type)
}
