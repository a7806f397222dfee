# METADATA
# title: Cloud KMS encryption keys rotate at least every 90 days
# description: >-
#   Rotation bounds how much data one key version protects and how long a
#   leaked version stays useful. Cloud KMS rotates symmetric keys
#   automatically once a rotation period is set.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key#rotation_period
# custom:
#   id: TNT-GCP-KMS-001
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.10"]
#     cis-gcp-3.0.0: ["1.10"]
#     nist-800-53-r5: ["SC-12", "SC-12(2)", "SC-28(3)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.6.1", "3.7.4"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_kms_crypto_key]
#     per_resource: true
#   remediation: Set rotation_period to "7776000s" (90 days) or less on the crypto key.
package tenet.gcp.kms.key_rotation

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_max_seconds := 7776000

deny contains result.fail_attr(k, "rotation_period", "no rotation_period: the key never rotates") if {
	some k in _symmetric
	terraform.get(k, "rotation_period", null) == null
	not terraform.unknown(k, "rotation_period")
}

deny contains result.fail_attr(k, "rotation_period", sprintf("rotation_period %s is longer than 90 days (7776000s)", [period])) if {
	some k in _symmetric
	period := terraform.get(k, "rotation_period", null)
	to_number(trim_suffix(period, "s")) > _max_seconds
}

unknown contains result.unknown(k, "rotation_period") if {
	some k in _symmetric
	terraform.unknown(k, "rotation_period")
}

# Only symmetric ENCRYPT_DECRYPT keys support automatic rotation.
_symmetric contains k if {
	some k in terraform.resources("google_kms_crypto_key")
	terraform.get(k, "purpose", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}
