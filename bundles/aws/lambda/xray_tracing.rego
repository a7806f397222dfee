# METADATA
# title: Lambda functions trace requests with AWS X-Ray
# description: >-
#   Active tracing records each invocation and the calls it makes to other
#   services, so that an incident can be followed from request to request
#   and a slow or failing dependency found. The default, PassThrough, traces
#   only requests that arrive already sampled by an upstream service.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#tracing_config
# custom:
#   id: TNT-AWS-LMB-004
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lambda_function]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: Add tracing_config { mode = "Active" } to the function, and allow its role xray:PutTraceSegments and xray:PutTelemetryRecords (the AWSXRayDaemonWriteAccess policy).
package tenet.aws.lambda.xray_tracing

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_mode := "tracing_config.0.mode"

# The provider computes tracing_config when it is left out (PassThrough):
# then the plan has it unknown, and compute.unset tells it from a mode set
# through a variable.
deny contains result.fail_attr(f, "tracing_config.mode", msg) if {
	some f in terraform.resources("aws_lambda_function")
	mode := terraform.get(f, _mode, "PassThrough")
	mode != "Active"
	not compute.set_unknown(f, _mode)
	msg := sprintf("tracing_config.mode is %q: requests are not traced with X-Ray", [mode])
}

unknown contains result.unknown(f, "tracing_config.mode") if {
	some f in terraform.resources("aws_lambda_function")
	compute.set_unknown(f, _mode)
}
