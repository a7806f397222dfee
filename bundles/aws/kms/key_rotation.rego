# METADATA
# title: Customer-managed symmetric KMS keys rotate automatically
# description: >-
#   Rotation limits how much data one key version protects and how long a
#   leaked version stays useful. AWS supports automatic rotation only for
#   symmetric encryption keys, so asymmetric and HMAC keys are not judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#enable_key_rotation
# custom:
#   id: TNT-AWS-KMS-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_kms_key]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["3.6"]
#     cis-aws-1.5.0: ["3.8"]
#     nist-800-53-r5: ["SC-12", "SC-12(2)", "SC-28(3)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.6.1", "3.7.4"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set enable_key_rotation = true on the key.
package tenet.aws.kms.key_rotation

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The attributes that decide the rule, the rotation flag first.
_deciding := ["enable_key_rotation", "key_usage", "customer_master_key_spec"]

deny contains result.fail_attr(k, "enable_key_rotation", "automatic key rotation is off") if {
	some k in _candidates
	not terraform.any_unknown(k, _deciding)
}

unknown contains result.unknown(k, [a | some a in _deciding; terraform.unknown(k, a)][0]) if {
	some k in _candidates
	terraform.any_unknown(k, _deciding)
}

# Keys without rotation that are not known to be asymmetric or HMAC keys.
_candidates contains k if {
	some k in terraform.resources("aws_kms_key")
	not terraform.is_true(k, "enable_key_rotation")
	terraform.get(k, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	terraform.get(k, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
}
