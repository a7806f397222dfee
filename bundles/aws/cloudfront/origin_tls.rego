# METADATA
# title: CloudFront connects to custom origins with TLS 1.2 or later only
# description: >-
#   origin_ssl_protocols lists the protocols CloudFront may use with an HTTPS
#   custom origin; with SSLv3, TLSv1 or TLSv1.1 listed, an origin that offers
#   them is reached over protocols with known weaknesses, which PCI DSS and
#   most baselines no longer accept. A custom origin that CloudFront reaches
#   over HTTPS (origin_protocol_policy other than http-only, which
#   TNT-AWS-CF-002 judges) fails when the list holds a protocol older than
#   TLSv1.2. A list unknown until apply is reported unknown. Security Hub
#   control CloudFront.10 fails on SSLv3; this rule also fails on TLSv1 and
#   TLSv1.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#origin_ssl_protocols
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-10
# custom:
#   id: TNT-AWS-CF-003
#   severity: medium
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
#   remediation: Set origin_ssl_protocols = ["TLSv1.2"] in the origin's custom_origin_config.
package tenet.aws.cloudfront.origin_tls

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_old := {"SSLv3", "TLSv1", "TLSv1.1"}

deny contains result.fail_attr(d, path, sprintf("origin %s allows %s: CloudFront may reach it over protocols older than TLS 1.2", [_name(o), concat(", ", old)])) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some i, o in terraform.get(d, "origin", [])
	_https(d, i)
	path := sprintf("origin.%d.custom_origin_config.0.origin_ssl_protocols", [i])
	old := sort({p | some p in terraform.get(d, path, []); p in _old})
	count(old) > 0
}

unknown contains result.unknown(d, path) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some i, o in terraform.get(d, "origin", [])
	count(object.get(o, "custom_origin_config", [])) > 0
	_https(d, i)
	path := sprintf("origin.%d.custom_origin_config.0.origin_ssl_protocols", [i])
	terraform.unknown(d, path)
}

# Origins written through a local may allow old protocols.
unknown contains result.unknown(d, "origin") if {
	some d in terraform.resources("aws_cloudfront_distribution")
	count(terraform.get(d, "origin", [])) == 0
	compute.set_unknown(d, "origin")
}

# An origin whose policy is unknown is taken to use HTTPS.
_https(d, i) if terraform.get(d, sprintf("origin.%d.custom_origin_config.0.origin_protocol_policy", [i]), "") != "http-only"

_name(o) := sprintf("%q", [o.origin_id]) if is_string(o.origin_id)

else := "(id unknown until apply)"
