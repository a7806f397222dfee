# METADATA
# title: Application load balancers drop invalid HTTP header fields
# description: >-
#   Headers with invalid names are a common vehicle for request smuggling and
#   desynchronisation between the load balancer and the application. Dropping
#   them at the edge keeps such requests from reaching the targets.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#drop_invalid_header_fields
# custom:
#   id: TNT-AWS-ELB-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb, aws_alb]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set drop_invalid_header_fields = true on the application load balancer.
package tenet.aws.elb.drop_invalid_headers

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(lb, "drop_invalid_header_fields", "drop_invalid_header_fields is not true: invalid headers reach the targets") if {
	some lb in _albs
	not terraform.is_true(lb, "drop_invalid_header_fields")
	not terraform.unknown(lb, "drop_invalid_header_fields")
}

unknown contains result.unknown(lb, "drop_invalid_header_fields") if {
	some lb in _albs
	terraform.unknown(lb, "drop_invalid_header_fields")
}

# load_balancer_type defaults to "application"; the setting exists only there.
_albs contains lb if {
	some type in ["aws_lb", "aws_alb"]
	some lb in terraform.resources(type)
	terraform.get(lb, "load_balancer_type", "application") == "application"
}
