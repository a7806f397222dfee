# METADATA
# title: API Gateway REST API stages write access logs
# description: >-
#   Access logs record who called an API, from where, which resource and
#   with what result: without them abuse of a public API and failed
#   authorisations cannot be traced. A stage (aws_api_gateway_stage) passes
#   when its access_log_settings block names a destination_arn (a CloudWatch
#   log group or Firehose stream); a stage without the block fails. A block
#   written through a dynamic block that the plan does not know yet is
#   reported unknown.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage#access_log_settings
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: TNT-AWS-APIGW-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_api_gateway_stage]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add access_log_settings { destination_arn = <log group ARN>, format = <JSON format> } to the stage.
package tenet.aws.apigateway.access_logging

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(s, "access_log_settings", "the stage writes no access logs (no access_log_settings)") if {
	some s in terraform.resources("aws_api_gateway_stage")
	count(terraform.get(s, "access_log_settings", [])) == 0
	not compute.set_unknown(s, "access_log_settings")
}

unknown contains result.unknown(s, "access_log_settings") if {
	some s in terraform.resources("aws_api_gateway_stage")
	count(terraform.get(s, "access_log_settings", [])) == 0
	compute.set_unknown(s, "access_log_settings")
}
