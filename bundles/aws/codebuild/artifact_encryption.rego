# METADATA
# title: CodeBuild projects encrypt their build artifacts
# description: >-
#   Build artifacts carry the code and binaries that get deployed, and often
#   configuration; stored unencrypted in S3, anyone who reads the bucket
#   reads them, and tampering is easier to hide. CodeBuild encrypts
#   artifacts with the project's KMS key unless encryption_disabled is true
#   on the artifacts or a secondary_artifacts block, which then fails.
#   Artifacts of type NO_ARTIFACTS or CODEPIPELINE (stored by the pipeline)
#   are not judged. A flag unknown until apply is reported unknown (AWS
#   Config rule codebuild-project-artifact-encryption).
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project#encryption_disabled
#   - https://docs.aws.amazon.com/config/latest/developerguide/codebuild-project-artifact-encryption.html
# custom:
#   id: TNT-AWS-CB-002
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
#   remediation: Remove encryption_disabled = true from the artifacts and secondary_artifacts blocks (optionally set the project's encryption_key to a customer-managed key).
package tenet.aws.codebuild.artifact_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(p, path, sprintf("%s is true: the artifacts are stored unencrypted", [path])) if {
	some p in terraform.resources("aws_codebuild_project")
	some path in _flags(p)
	terraform.get(p, path, false) == true
}

unknown contains result.unknown(p, path) if {
	some p in terraform.resources("aws_codebuild_project")
	some path in _flags(p)
	terraform.unknown(p, path)
}

_flags(p) := {sprintf("%s.%d.encryption_disabled", [block, i]) |
	some block in ["artifacts", "secondary_artifacts"]
	some i, a in terraform.get(p, block, [])
	not object.get(a, "type", "") in {"NO_ARTIFACTS", "CODEPIPELINE"}
}
