# METADATA
# title: CloudWatch log groups keep logs for at least a year
# description: >-
#   Intrusions are often found months after they start, and investigators
#   then need the logs from the beginning. A year of retention covers most
#   detection delays and audit look-back periods.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days
# custom:
#   id: TNT-AWS-CW-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudwatch_log_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-11", "SI-12"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.5.1"]
#     hipaa: ["164.312(b)"]
#   remediation: Set retention_in_days to 365 or more, or to 0 to keep logs forever.
package tenet.aws.cloudwatch.log_group_retention

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# 0 or unset keeps logs forever and passes. 365 is fixed until rules take
# parameters.
_min_days := 365

deny contains result.fail_attr(g, "retention_in_days", sprintf("retention_in_days is %d, below %d", [days, _min_days])) if {
	some g in terraform.resources("aws_cloudwatch_log_group")
	days := terraform.get(g, "retention_in_days", 0)
	days > 0
	days < _min_days
}

unknown contains result.unknown(g, "retention_in_days") if {
	some g in terraform.resources("aws_cloudwatch_log_group")
	terraform.unknown(g, "retention_in_days")
}
