# METADATA
# title: Lambda functions cannot be invoked by anyone
# description: >-
#   A permission for every principal, or for a service without naming the
#   source resource or account, lets other AWS accounts trigger the function;
#   a function URL without IAM auth lets the whole internet call it.
#   Invocation should be tied to known callers.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url
# custom:
#   id: TNT-AWS-LMB-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lambda_permission, aws_lambda_function_url]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-17", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Name a specific principal and set source_arn or source_account on the
#     permission; set authorization_type = "AWS_IAM" on function URLs.
package tenet.aws.lambda.public_invoke

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, "principal", "principal is \"*\": any AWS account can invoke the function") if {
	some p in terraform.resources("aws_lambda_permission")
	terraform.get(p, "principal", "") == "*"
}

# A service principal acts for every account using the service (for example
# any account's S3 bucket), unless the source is named.
deny contains result.fail_attr(p, "principal", msg) if {
	some p in terraform.resources("aws_lambda_permission")
	principal := terraform.get(p, "principal", "")
	endswith(principal, ".amazonaws.com")
	not _source_named(p)
	msg := sprintf("principal %q is allowed without source_arn, source_account or principal_org_id", [principal])
}

deny contains result.fail_attr(u, "authorization_type", "authorization_type is NONE: the function URL is open to the internet") if {
	some u in terraform.resources("aws_lambda_function_url")
	terraform.get(u, "authorization_type", "") == "NONE"
}

unknown contains result.unknown(p, "principal") if {
	some p in terraform.resources("aws_lambda_permission")
	terraform.unknown(p, "principal")
}

unknown contains result.unknown(u, "authorization_type") if {
	some u in terraform.resources("aws_lambda_function_url")
	terraform.unknown(u, "authorization_type")
}

# Values known only after apply (an ARN of a new bucket) are still named.
_source_named(p) if {
	some attr in ["source_arn", "source_account", "principal_org_id"]
	terraform.get(p, attr, "") != ""
}

_source_named(p) if terraform.any_unknown(p, ["source_arn", "source_account", "principal_org_id"])
