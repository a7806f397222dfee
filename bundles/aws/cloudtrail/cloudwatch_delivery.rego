# METADATA
# title: CloudTrail trails deliver events to CloudWatch Logs
# description: >-
#   Events in an S3 bucket are only read after the fact; in CloudWatch Logs
#   they can drive metric filters and alarms within minutes. The alarm rules
#   TNT-AWS-CW-003 to 017 depend on this delivery.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#cloud_watch_logs_group_arn
# custom:
#   id: TNT-AWS-CT-004
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#     per_resource: true
#   controls:
#     cis-aws-1.5.0: ["3.4"]
#     nist-800-53-r5: ["AU-6", "AU-6(1)", "SI-4"]
#     soc2-2017: ["CC7.2", "CC7.3"]
#     pci-dss-4.0: ["10.4.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.308(a)(6)(ii)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: >-
#     Set cloud_watch_logs_group_arn (the log group ARN followed by ":*") and
#     cloud_watch_logs_role_arn on the trail.
package tenet.aws.cloudtrail.cloudwatch_delivery

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A value unknown until apply is a reference and never null: it is set.
deny contains result.fail_attr(t, attr, sprintf("%s is empty, so no events reach CloudWatch Logs", [attr])) if {
	some t in terraform.resources("aws_cloudtrail")
	some attr in ["cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn"]
	not _set(t, attr)
}

_set(t, attr) if terraform.get(t, attr, "") != ""

_set(t, attr) if terraform.unknown(t, attr)

# A value unknown until apply that refers to no resource (a CloudFormation
# parameter without default, which may be empty) may leave delivery off.
unknown contains result.unknown(t, attr) if {
	some t in terraform.resources("aws_cloudtrail")
	some attr in ["cloud_watch_logs_group_arn", "cloud_watch_logs_role_arn"]
	compute.presence_unknown(t, attr)
}
