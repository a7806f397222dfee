# METADATA
# title: CloudTrail trails encrypt log files with a KMS key
# description: >-
#   With SSE-KMS, reading trail logs needs decrypt permission on a key as well
#   as read access to the bucket, and every use of the key is itself logged.
#   That protects the audit record against a bucket-level mistake.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#kms_key_id
# custom:
#   id: TNT-AWS-CT-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.5"]
#     cis-aws-1.5.0: ["3.7"]
#     nist-800-53-r5: ["AU-9", "AU-9(3)", "SC-28", "SC-28(1)", "SI-7"]
#     soc2-2017: ["CC6.1", "CC7.2"]
#     pci-dss-4.0: ["3.5.1", "10.3.2", "10.3.4"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(b)", "164.312(c)(1)", "164.312(c)(2)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(b)"]
#   remediation: Set kms_key_id on the trail to the ARN of a customer-managed KMS key.
package tenet.aws.cloudtrail.kms_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A key given by reference is unknown until apply, never null: it is set
# (terraform.present), so it passes rather than being reported unknown.
deny contains result.fail_attr(t, "kms_key_id", "log files are not encrypted with a KMS key (kms_key_id is empty)") if {
	some t in terraform.resources("aws_cloudtrail")
	not terraform.present(t, "kms_key_id")
}

deny contains result.fail_attr(t, "kms_key_id", "log files are not encrypted with a KMS key (kms_key_id is empty)") if {
	some t in terraform.resources("aws_cloudtrail")
	terraform.get(t, "kms_key_id", null) == ""
}

# A key set from another resource is set; one through a local may be empty.
unknown contains result.unknown(t, "kms_key_id") if {
	some t in terraform.resources("aws_cloudtrail")
	compute.presence_unknown(t, "kms_key_id")
}
