# METADATA
# title: API Gateway REST API stages trace requests with AWS X-Ray
# description: >-
#   X-Ray follows each request from the API through the functions and
#   services behind it, so that latency, errors and unexpected calls can be
#   traced to the component that caused them. A stage passes when
#   xray_tracing_enabled is true; the provider's default is false, so a
#   stage that leaves it out fails. A value unknown until apply is reported
#   unknown. Security Hub control APIGateway.3.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#xray_tracing_enabled
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3
# custom:
#   id: TNT-AWS-APIGW-002
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_api_gateway_stage]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: Set xray_tracing_enabled = true on the stage.
package tenet.aws.apigateway.xray_tracing

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(s, "xray_tracing_enabled", "xray_tracing_enabled is not true: requests are not traced with X-Ray") if {
	some s in terraform.resources("aws_api_gateway_stage")
	not terraform.is_true(s, "xray_tracing_enabled")
	not terraform.unknown(s, "xray_tracing_enabled")
}

unknown contains result.unknown(s, "xray_tracing_enabled") if {
	some s in terraform.resources("aws_api_gateway_stage")
	terraform.unknown(s, "xray_tracing_enabled")
}
