# METADATA
# title: CloudFront distributions log viewer requests
# description: >-
#   CloudFront answers most requests from the edge without the origin seeing
#   them, so its own access logs are the only record of who fetched what.
#   A distribution passes with a logging_config block (standard logging to
#   an S3 bucket), or when an aws_cloudwatch_log_delivery_source takes its
#   access logs (standard logging v2); it fails otherwise. A block written
#   through a dynamic block that the plan does not know yet is reported
#   unknown. Security Hub control CloudFront.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#logging_config
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_delivery_source
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-5
# custom:
#   id: TNT-AWS-CF-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudfront_distribution, aws_cloudwatch_log_delivery_source]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add logging_config { bucket = "<log bucket>.s3.amazonaws.com" } to the distribution, or deliver its ACCESS_LOGS through an aws_cloudwatch_log_delivery_source.
package tenet.aws.cloudfront.access_logging

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(d, "logging_config", "the distribution logs no viewer requests (no logging_config)") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	not _logged(d)
	not compute.set_unknown(d, "logging_config")
}

unknown contains result.unknown(d, "logging_config") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	not _logged(d)
	compute.set_unknown(d, "logging_config")
}

_logged(d) if count(terraform.get(d, "logging_config", [])) > 0

# A block whose bucket is known only after apply is written.
_logged(d) if terraform.unknown_within(d, "logging_config.0.bucket")

_logged(d) if {
	some s in terraform.referencing(d, "aws_cloudwatch_log_delivery_source", "resource_arn")
	terraform.get(s, "log_type", "ACCESS_LOGS") == "ACCESS_LOGS"
}
