# METADATA
# title: CloudTrail trails validate the integrity of their log files
# description: >-
#   Log file validation writes signed digest files, which prove later that no
#   log file was changed or deleted after delivery. Without it an intruder can
#   edit the record of what they did.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#enable_log_file_validation
# custom:
#   id: TNT-AWS-CT-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.2"]
#     cis-aws-1.5.0: ["3.2"]
#     nist-800-53-r5: ["AU-9", "AU-9(3)", "SI-7"]
#     soc2-2017: ["CC6.1", "CC7.2"]
#     pci-dss-4.0: ["10.3.2", "10.3.4"]
#     hipaa: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(b)"]
#   remediation: Set enable_log_file_validation = true on the trail.
package tenet.aws.cloudtrail.log_validation

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(t, "enable_log_file_validation", "log file validation is not enabled") if {
	some t in terraform.resources("aws_cloudtrail")
	not terraform.is_true(t, "enable_log_file_validation")
	not terraform.unknown(t, "enable_log_file_validation")
}

unknown contains result.unknown(t, "enable_log_file_validation") if {
	some t in terraform.resources("aws_cloudtrail")
	terraform.unknown(t, "enable_log_file_validation")
}
