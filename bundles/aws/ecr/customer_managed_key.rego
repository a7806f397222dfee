# METADATA
# title: ECR repositories encrypt images with a customer-managed KMS key
# description: >-
#   By default ECR encrypts images with an AWS-owned key (AES256), and with
#   encryption_type KMS but no key, with the AWS-managed key aws/ecr. Neither
#   lets the organisation set who may use the key, audit its use in
#   CloudTrail, or revoke access to every image at once. A customer-managed
#   key does.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#encryption_configuration
# custom:
#   id: TNT-AWS-ECR-004
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecr_repository]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set encryption_configuration { encryption_type = "KMS", kms_key = aws_kms_key.ecr.arn } (encryption is fixed when the repository is created, so this replaces it).
package tenet.aws.ecr.customer_managed_key

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "encryption_configuration.0.encryption_type"

_key := "encryption_configuration.0.kms_key"

deny contains result.fail_attr(r, "encryption_configuration.encryption_type", msg) if {
	some r in terraform.resources("aws_ecr_repository")
	t := terraform.get(r, _type, "AES256")
	t != "KMS"
	not compute.set_unknown(r, _type)
	msg := sprintf("encryption_configuration.encryption_type is %q: images are encrypted with an AWS-owned key", [t])
}

# With KMS and no kms_key, ECR uses aws/ecr and computes kms_key: unknown
# in a plan without a reference.
deny contains result.fail_attr(r, "encryption_configuration.kms_key", "encryption_configuration.kms_key is not set: the repository uses the AWS-managed key aws/ecr") if {
	some r in terraform.resources("aws_ecr_repository")
	terraform.get(r, _type, "") == "KMS"
	terraform.get(r, _key, "") == ""
	not compute.set_unknown(r, _key)
}

unknown contains result.unknown(r, "encryption_configuration.encryption_type") if {
	some r in terraform.resources("aws_ecr_repository")
	compute.set_unknown(r, _type)
}

unknown contains result.unknown(r, "encryption_configuration.kms_key") if {
	some r in terraform.resources("aws_ecr_repository")
	terraform.get(r, _type, "") == "KMS"
	compute.presence_unknown(r, _key)
}
