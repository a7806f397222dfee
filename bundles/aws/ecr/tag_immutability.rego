# METADATA
# title: ECR image tags cannot be overwritten
# description: >-
#   With mutable tags a push can silently replace the image behind a tag that
#   is already deployed or approved, which breaks provenance and lets a
#   compromised pipeline swap code. Immutable tags pin each tag to one image.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_tag_mutability
# custom:
#   id: TNT-AWS-ECR-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecr_repository]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-2", "CM-8(1)", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   remediation: Set image_tag_mutability = "IMMUTABLE" (or IMMUTABLE_WITH_EXCLUSION for a few moving tags).
package tenet.aws.ecr.tag_immutability

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Defaults to MUTABLE; MUTABLE_WITH_EXCLUSION is mutable too.
deny contains result.fail_attr(repo, "image_tag_mutability", sprintf("image_tag_mutability is %s: tags can be overwritten", [mutability])) if {
	some repo in terraform.resources("aws_ecr_repository")
	not terraform.unknown(repo, "image_tag_mutability")
	mutability := terraform.get(repo, "image_tag_mutability", "MUTABLE")
	not startswith(mutability, "IMMUTABLE")
}

unknown contains result.unknown(repo, "image_tag_mutability") if {
	some repo in terraform.resources("aws_ecr_repository")
	terraform.unknown(repo, "image_tag_mutability")
}
