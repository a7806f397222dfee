# METADATA
# title: CodeBuild projects do not run builds in privileged mode
# description: >-
#   Privileged mode gives the build container root access to the Docker
#   daemon of the build host, so a compromised dependency or build script
#   can escape the container, tamper with other layers of the build and
#   reach the project's credentials. A project fails when
#   environment.privileged_mode is true (the default is false). Build images
#   with a daemonless builder (BuildKit rootless, kaniko) or in a separate
#   project kept for that purpose. A value unknown until apply is reported
#   unknown. Security Hub control CodeBuild.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#privileged_mode
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5
# custom:
#   id: TNT-AWS-CB-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_codebuild_project]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set environment { privileged_mode = false } (or leave it out), and build container images without a privileged Docker daemon.
package tenet.aws.codebuild.privileged_mode

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_path := "environment.0.privileged_mode"

deny contains result.fail_attr(p, "environment.privileged_mode", "environment.privileged_mode is true: builds run with root access to the host's Docker daemon") if {
	some p in terraform.resources("aws_codebuild_project")
	terraform.is_true(p, _path)
}

unknown contains result.unknown(p, "environment.privileged_mode") if {
	some p in terraform.resources("aws_codebuild_project")
	terraform.unknown(p, _path)
}
