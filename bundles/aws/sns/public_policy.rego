# METADATA
# title: SNS topic policies do not grant access to every principal
# description: >-
#   A topic policy statement for Principal "*" without a source or account
#   condition lets any AWS account publish to the topic or subscribe to it,
#   which means spoofed notifications or leaked messages.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_policy
# custom:
#   id: TNT-AWS-SNS-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_sns_topic_policy, aws_sns_topic]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Name the accounts or services in Principal, or add an aws:SourceAccount,
#     aws:SourceArn, aws:SourceOwner or aws:PrincipalOrgID condition.
package tenet.aws.sns.public_policy

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.iam
import data.tenet.lib.network
import data.tenet.lib.result
import data.tenet.lib.terraform

# Any action counts: publishing spoofs messages, subscribing leaks them. The
# default policy AWS writes is tied to the owner by aws:SourceOwner and passes.
deny contains result.fail_attr(r, "policy", msg) if {
	some r in _holders
	some msg in iam.agreed(_failures(r))
}

unknown contains result.unknown(r, "policy") if {
	some r in _holders
	terraform.unknown(r, "policy")
	_declared(r)
	iam.undecided(_failures(r))
}

# A policy unknown until apply is read from its aws_iam_policy_document data
# source when that is known (lib.iam candidates).
_failures(r) := [{sprintf("policy %s allows every principal without a source or account condition", [iam.statement_name(st, i)]) |
	some i, st in statements
	network.open_statement(st)
} |
	some statements in iam.candidates(r, "policy")
]

_holders := array.concat(terraform.resources("aws_sns_topic_policy"), terraform.resources("aws_sns_topic"))

# aws_sns_topic.policy is computed: left out, AWS writes the default policy,
# so an unknown value is a declaration only when set through a reference.
_declared(r) if r.type == "aws_sns_topic_policy"

_declared(r) if compute.set_unknown(r, "policy")
