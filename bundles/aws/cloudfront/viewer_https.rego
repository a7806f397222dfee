# METADATA
# title: CloudFront serves viewers over HTTPS with TLS 1.2 or later
# description: >-
#   A cache behaviour that allows plain HTTP sends pages, cookies and tokens in
#   clear text between viewers and the edge, and an old minimum TLS version
#   lets clients negotiate protocols with known weaknesses.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#viewer_protocol_policy
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution#minimum_protocol_version
# custom:
#   id: TNT-AWS-CF-001
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
#   remediation: >-
#     Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on
#     every cache behaviour and minimum_protocol_version = "TLSv1.2_2021".
package tenet.aws.cloudfront.viewer_https

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(d, path, sprintf("%s is allow-all: viewers can use plain HTTP", [path])) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some path, behavior in _behaviors(d)
	behavior.viewer_protocol_policy == "allow-all"
}

unknown contains result.unknown(d, path) if {
	some d in terraform.resources("aws_cloudfront_distribution")
	some path, _ in _behaviors(d)
	terraform.unknown(d, path)
}

# _behaviors(d) maps the viewer_protocol_policy path of each cache behaviour
# to the behaviour.
_behaviors(d) := {path: b |
	some block in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in terraform.get(d, block, [])
	path := sprintf("%s.%d.viewer_protocol_policy", [block, i])
}

_version := "viewer_certificate.0.minimum_protocol_version"

# With the default *.cloudfront.net certificate the minimum version cannot be
# chosen (CloudFront fixes it at TLSv1), so only custom certificates are judged.
deny contains result.fail_attr(d, "viewer_certificate.minimum_protocol_version", msg) if {
	some d in _custom_certificate
	version := terraform.get(d, _version, "TLSv1")
	not terraform.unknown(d, _version)
	not regex.match(`^TLSv1\.[23]_`, version)
	msg := sprintf("viewer_certificate.minimum_protocol_version %s is below TLSv1.2_2018", [version])
}

unknown contains result.unknown(d, "viewer_certificate.minimum_protocol_version") if {
	some d in _custom_certificate
	terraform.unknown(d, _version)
}

_custom_certificate contains d if {
	some d in terraform.resources("aws_cloudfront_distribution")
	_certificate(d)
	not terraform.is_true(d, "viewer_certificate.0.cloudfront_default_certificate")
}

# A viewer_certificate block the configuration sets but the plan cannot show
# (a dynamic block) may name a custom certificate: its version is unknown.
_certificate(d) if count(terraform.get(d, "viewer_certificate", [])) > 0

_certificate(d) if compute.set_unknown(d, "viewer_certificate")
