# METADATA
# title: CodeBuild projects encrypt the build logs they write to S3
# description: >-
#   Build logs echo commands, environment and test output, and regularly
#   capture tokens and connection strings; written to S3 unencrypted, they
#   are readable by anyone with access to the bucket. A project whose
#   logs_config.s3_logs has status ENABLED fails when encryption_disabled is
#   true (the default is false). Logs sent only to CloudWatch Logs are not
#   judged here. Values unknown until apply are reported unknown. Security
#   Hub control CodeBuild.3.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#s3_logs
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-3
# custom:
#   id: TNT-AWS-CB-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_codebuild_project]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Remove encryption_disabled = true from logs_config { s3_logs { ... } }.
package tenet.aws.codebuild.s3_logs_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_logs := "logs_config.0.s3_logs.0"

deny contains result.fail_attr(p, "logs_config.s3_logs.encryption_disabled", "logs_config.s3_logs.encryption_disabled is true: build logs are written to S3 unencrypted") if {
	some p in terraform.resources("aws_codebuild_project")
	terraform.get(p, sprintf("%s.status", [_logs]), "DISABLED") == "ENABLED"
	terraform.is_true(p, sprintf("%s.encryption_disabled", [_logs]))
}

unknown contains result.unknown(p, "logs_config.s3_logs.encryption_disabled") if {
	some p in terraform.resources("aws_codebuild_project")
	_may_log(p)
	terraform.unknown(p, sprintf("%s.encryption_disabled", [_logs]))
}

unknown contains result.unknown(p, "logs_config.s3_logs.status") if {
	some p in terraform.resources("aws_codebuild_project")
	terraform.unknown(p, sprintf("%s.status", [_logs]))
	terraform.is_true(p, sprintf("%s.encryption_disabled", [_logs]))
}

_may_log(p) if terraform.get(p, sprintf("%s.status", [_logs]), "DISABLED") == "ENABLED"

_may_log(p) if terraform.unknown(p, sprintf("%s.status", [_logs]))
