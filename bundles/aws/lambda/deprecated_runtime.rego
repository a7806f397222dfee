# METADATA
# title: Lambda functions run on a runtime AWS still supports
# description: >-
#   A deprecated runtime no longer receives security patches for its language
#   or operating system, and AWS eventually blocks updates to functions that
#   use it. Functions should move to a supported runtime before that happens.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#runtime
# custom:
#   id: TNT-AWS-LMB-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lambda_function]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SA-22", "SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Move the function to a supported runtime (for example python3.13, nodejs22.x or java21).
package tenet.aws.lambda.deprecated_runtime

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Runtimes deprecated by November 2026, from the Lambda runtime pages
# (python3.9 on 15 December 2025, nodejs18.x on 1 September 2025, dotnet8
# on 10 November 2026). Review when AWS publishes new dates.
_deprecated := {
	"python2.7", "python3.6", "python3.7", "python3.8", "python3.9",
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10",
	"nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1",
	"dotnet5.0", "dotnet6", "dotnet7", "dotnet8",
	"java8", "go1.x", "provided", "ruby2.5", "ruby2.7", "ruby3.2",
}

# Container-image functions carry their runtime in the image: skipped.
deny contains result.fail_attr(f, "runtime", sprintf("runtime %q is deprecated", [runtime])) if {
	some f in terraform.resources("aws_lambda_function")
	terraform.get(f, "package_type", "Zip") != "Image"
	not compute.set_unknown(f, "package_type")
	runtime := terraform.get(f, "runtime", "")
	runtime in _deprecated
}

# An image function ignores runtime: a package type set through a local
# decides whether the deprecated runtime matters.
unknown contains result.unknown(f, "package_type") if {
	some f in terraform.resources("aws_lambda_function")
	compute.set_unknown(f, "package_type")
	terraform.get(f, "runtime", "") in _deprecated
}

unknown contains result.unknown(f, "runtime") if {
	some f in terraform.resources("aws_lambda_function")
	terraform.get(f, "package_type", "Zip") != "Image"
	terraform.unknown(f, "runtime")
}
