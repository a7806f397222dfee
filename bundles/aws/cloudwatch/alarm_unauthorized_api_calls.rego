# METADATA
# title: A metric filter and alarm notify a subscriber of unauthorized API calls
# description: >-
#   Bursts of denied API calls are an early sign of someone probing stolen
#   credentials or a broken deployment. An alarm turns them into a
#   notification instead of a line nobody reads. The chain is judged on the
#   log group of each multi-region trail, from metric filter to alarm to a
#   subscribed SNS topic.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_metric_filter
# custom:
#   id: TNT-AWS-CW-003
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudtrail]
#   controls:
#     cis-aws-3.0.0: ["4.1"]
#     cis-aws-1.5.0: ["4.1"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     soc2-2017: ["CC7.2", "CC7.3"]
#     pci-dss-4.0: ["10.4.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: >-
#     Add an aws_cloudwatch_log_metric_filter on the trail's log group whose
#     pattern matches errorCode *UnauthorizedOperation and AccessDenied*,
#     and an aws_cloudwatch_metric_alarm on its metric whose alarm_actions
#     name a subscribed SNS topic.
package tenet.aws.cloudwatch.alarm_unauthorized_api_calls

import rego.v1

import data.tenet.lib.cloudwatch

# Whole words that the filter pattern must contain (lib.cloudwatch).
_events := ["UnauthorizedOperation", "AccessDenied"]

deny contains finding if some finding in cloudwatch.deny(_events, "unauthorized API calls")

unknown contains finding if some finding in cloudwatch.unknown(_events, "unauthorized API calls")
