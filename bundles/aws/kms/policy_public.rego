# METADATA
# title: KMS key policies do not allow anonymous principals
# description: >-
#   A key policy that allows Principal "*" without a condition lets any AWS
#   account use or manage the key, and with it decrypt whatever it protects.
#   Key access must be limited to named accounts, the organization or a
#   service.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key_policy
# custom:
#   id: TNT-AWS-KMS-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_kms_key, aws_kms_key_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6", "AC-21", "SC-12"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["3.6.1", "7.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)", "Art. 32(1)(b)"]
#   remediation: >-
#     Name the principals in the key policy, or add a condition on
#     kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount or kms:ViaService.
package tenet.aws.kms.policy_public

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.iam
import data.tenet.lib.result
import data.tenet.lib.terraform

_restricting := {"kms:calleraccount", "aws:principalorgid", "aws:principalaccount", "kms:viaservice"}

deny contains result.fail_attr(k, "policy", msg) if {
	some k in _holders
	some msg in iam.agreed(_failures(k))
}

unknown contains result.unknown(k, "policy") if {
	some k in _holders
	terraform.unknown(k, "policy")
	_declared(k)
	iam.undecided(_failures(k))
}

# A policy unknown until apply is read from its aws_iam_policy_document data
# source when that is known (lib.iam candidates).
_failures(k) := [{sprintf("%s allows any principal without a restricting condition", [iam.statement_name(st, i)]) |
	some i, st in statements
	iam.anonymous(st)
	not iam.conditioned_on(st, _restricting)
} |
	some statements in iam.candidates(k, "policy")
]

_holders := array.concat(terraform.resources("aws_kms_key"), terraform.resources("aws_kms_key_policy"))

# aws_kms_key.policy is computed: left out, AWS applies the default policy
# (the account root), so an unknown value is a declaration only when the
# configuration sets it through a reference.
_declared(k) if k.type == "aws_kms_key_policy"

# A key policy left out is AWS's default (the account only); one the
# configuration sets, whatever through, is unknown until apply.
_declared(k) if compute.set_unknown(k, "policy")
