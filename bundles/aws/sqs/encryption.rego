# METADATA
# title: SQS queues encrypt messages at rest
# description: >-
#   Messages can sit in a queue for days and often carry business data.
#   Server-side encryption, with SQS-managed keys or a KMS key, keeps them
#   unreadable outside the service.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue#sqs_managed_sse_enabled
# custom:
#   id: TNT-AWS-SQS-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_sqs_queue]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set sqs_managed_sse_enabled = true, or kms_master_key_id to a KMS key.
package tenet.aws.sqs.encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# sqs_managed_sse_enabled is computed: left out, new queues get SSE-SQS
# (AWS default since 2022), so only a recorded or explicit false fails.
# Queues created by older providers record false in state.
deny contains result.fail_attr(q, "sqs_managed_sse_enabled", "sqs_managed_sse_enabled is false and kms_master_key_id is not set: messages are not encrypted") if {
	some q in terraform.resources("aws_sqs_queue")
	terraform.get(q, "sqs_managed_sse_enabled", null) == false
	terraform.get(q, "kms_master_key_id", "") == ""
	not terraform.unknown(q, "kms_master_key_id")
}

unknown contains result.unknown(q, "sqs_managed_sse_enabled") if {
	some q in terraform.resources("aws_sqs_queue")
	compute.set_unknown(q, "sqs_managed_sse_enabled")
	terraform.get(q, "kms_master_key_id", "") == ""
	not terraform.unknown(q, "kms_master_key_id")
}
