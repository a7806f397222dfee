# METADATA
# title: SQS queue policies are neither open to everyone nor allow every action
# description: >-
#   A queue policy for Principal "*" without a source condition lets any AWS
#   account send, read or delete messages; allowing every SQS action hands out
#   queue administration along with message access.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue_policy
# custom:
#   id: TNT-AWS-SQS-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_sqs_queue_policy, aws_sqs_queue]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: >-
#     Name the principals, add an aws:SourceArn or aws:SourceAccount condition
#     for services, and list only the SQS actions that are needed.
package tenet.aws.sqs.public_policy

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.iam
import data.tenet.lib.network
import data.tenet.lib.result
import data.tenet.lib.terraform

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
_failures(r) := [_problems(statements) | some statements in iam.candidates(r, "policy")]

_problems(statements) := {msg |
	some i, st in statements
	network.open_statement(st)
	msg := sprintf("policy %s allows every principal without a source or account condition", [iam.statement_name(st, i)])
} | {msg |
	some i, st in statements
	st.Effect == "Allow"
	some action in iam.as_list(object.get(st, "Action", null))
	lower(action) in {"*", "sqs:*"}
	msg := sprintf("policy %s allows every SQS action (%s)", [iam.statement_name(st, i), action])
}

_holders := array.concat(terraform.resources("aws_sqs_queue_policy"), terraform.resources("aws_sqs_queue"))

# aws_sqs_queue.policy is computed: left out, the queue has no policy, so an
# unknown value is a declaration only when set through a reference.
_declared(r) if r.type == "aws_sqs_queue_policy"

_declared(r) if compute.set_unknown(r, "policy")
