# METADATA
# title: CloudFront reaches custom origins over HTTPS
# description: >-
#   Traffic between the edge and a custom origin crosses the internet: over
#   plain HTTP, the pages, cookies and tokens that viewers send over HTTPS
#   travel in clear text for the second half of the trip. A custom origin
#   (custom_origin_config) fails when its origin_protocol_policy is
#   http-only, or match-viewer while a cache behaviour that targets it
#   allows viewers plain HTTP (allow-all). S3 website endpoints, which only
#   speak HTTP, fail as well: serve the bucket through its REST endpoint
#   with an origin access control instead. S3 origins (s3_origin_config)
#   are always reached over HTTPS. A policy unknown until apply is reported
#   unknown. Security Hub control CloudFront.9.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin_protocol_policy
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-9
# custom:
#   id: TNT-AWS-CF-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_cloudfront_distribution]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set origin_protocol_policy = "https-only" in the origin's custom_origin_config (or keep match-viewer and redirect viewers to HTTPS).
package tenet.aws.cloudfront.origin_https

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(d, path, sprintf("origin %s is reached over plain HTTP (origin_protocol_policy http-only)", [_name(o)])) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some i, o in terraform.get(d, "origin", [])
	path := sprintf("origin.%d.custom_origin_config.0.origin_protocol_policy", [i])
	terraform.get(d, path, "") == "http-only"
}

deny contains result.fail_attr(d, path, sprintf("origin %s matches the viewer's protocol, and %s allows viewers plain HTTP", [_name(o), behavior])) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some i, o in terraform.get(d, "origin", [])
	path := sprintf("origin.%d.custom_origin_config.0.origin_protocol_policy", [i])
	terraform.get(d, path, "") == "match-viewer"
	some behavior in _http_behaviors(d, o)
}

unknown contains result.unknown(d, path) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some i, o in terraform.get(d, "origin", [])
	count(object.get(o, "custom_origin_config", [])) > 0
	path := sprintf("origin.%d.custom_origin_config.0.origin_protocol_policy", [i])
	terraform.unknown(d, path)
}

# Origins written through a local may be custom origins reached over HTTP.
unknown contains result.unknown(d, "origin") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	count(terraform.get(d, "origin", [])) == 0
	compute.set_unknown(d, "origin")
}

_name(o) := sprintf("%q", [o.origin_id]) if is_string(o.origin_id)

else := sprintf("%q", [o.domain_name]) if is_string(o.domain_name)

else := "(id unknown until apply)"

# Behaviours that allow HTTP and target origin o: by origin id, or any
# when the distribution has this single origin.
_http_behaviors(d, o) := {sprintf("%s.%d", [block, i]) |
	some block in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in terraform.get(d, block, [])
	b.viewer_protocol_policy == "allow-all"
	_targets(d, b, o)
}

_targets(_, b, o) if {
	is_string(b.target_origin_id)
	b.target_origin_id == o.origin_id
}

_targets(d, _, _) if count(terraform.get(d, "origin", [])) == 1
