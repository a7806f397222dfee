# METADATA
# title: CloudWatch log groups are encrypted with a customer-managed KMS key
# description: >-
#   Logs often hold request data, tokens and personal data. A KMS key adds a
#   separate permission to read them and lets access be cut off by disabling
#   the key.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id
# custom:
#   id: TNT-AWS-CW-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudwatch_log_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-9(3)", "SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1", "10.3.2"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set kms_key_id on the log group to the ARN of a KMS key whose policy allows CloudWatch Logs.
package tenet.aws.cloudwatch.log_group_kms

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A key given by reference is unknown until apply, never null: it is set.
deny contains result.fail_attr(g, "kms_key_id", "kms_key_id is empty: the log group is not encrypted with a KMS key") if {
	some g in terraform.resources("aws_cloudwatch_log_group")
	terraform.get(g, "kms_key_id", "") == ""
	not terraform.unknown(g, "kms_key_id")
}

unknown contains result.unknown(g, "kms_key_id") if {
	some g in terraform.resources("aws_cloudwatch_log_group")
	compute.presence_unknown(g, "kms_key_id")
}
