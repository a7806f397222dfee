# METADATA
# title: SNS topics encrypt messages with KMS
# description: >-
#   Messages waiting in a topic can carry personal or operational data. With
#   server-side encryption they are stored under a KMS key whose use is logged
#   and can be restricted by key policy.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic#kms_master_key_id
# custom:
#   id: TNT-AWS-SNS-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_sns_topic]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set kms_master_key_id to a KMS key (alias/aws/sns or a customer-managed key).
package tenet.aws.sns.encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A key created in the same plan is unknown until apply: it is still set.
deny contains result.fail_attr(t, "kms_master_key_id", "kms_master_key_id is not set: messages are not encrypted with KMS") if {
	some t in terraform.resources("aws_sns_topic")
	terraform.get(t, "kms_master_key_id", "") == ""
	not terraform.unknown(t, "kms_master_key_id")
}

# A key set from another resource is set; one through a local may be empty.
unknown contains result.unknown(t, "kms_master_key_id") if {
	some t in terraform.resources("aws_sns_topic")
	compute.presence_unknown(t, "kms_master_key_id")
}
