# METADATA
# title: CloudFront distributions are protected by AWS WAF
# description: >-
#   A distribution passes every request to its origins, injection attempts
#   and bot traffic included; a web ACL at the edge filters known attack
#   patterns and rate-limits abuse before it costs the origin anything. A
#   distribution passes when web_acl_id names a web ACL (a WAFv2 ARN or a
#   classic WAF id), and fails when it is empty. An id written through a
#   local and unknown until apply is reported unknown; one taken from a
#   resource counts as set. Security Hub control CloudFront.6.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#web_acl_id
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-6
# custom:
#   id: TNT-AWS-CF-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudfront_distribution]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "SC-7", "SI-4"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["6.4.1", "6.4.2"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set web_acl_id to the ARN of an aws_wafv2_web_acl with scope CLOUDFRONT.
package tenet.aws.cloudfront.waf

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(d, "web_acl_id", "web_acl_id is empty: no web ACL filters requests") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	terraform.get(d, "web_acl_id", "") == ""
	not terraform.unknown(d, "web_acl_id")
}

unknown contains result.unknown(d, "web_acl_id") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	compute.presence_unknown(d, "web_acl_id")
}
