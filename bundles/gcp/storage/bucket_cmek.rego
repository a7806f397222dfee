# METADATA
# title: Cloud Storage buckets encrypt objects with a customer-managed key by default
# description: >-
#   A default Cloud KMS key on the bucket makes every new object use it, so
#   the organisation can rotate, audit and revoke access to the data itself.
#   Without one, objects use Google-managed keys.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#encryption
# custom:
#   id: TNT-GCP-STG-004
#   severity: low
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket]
#     per_resource: true
#   remediation: Set encryption { default_kms_key_name = google_kms_crypto_key.KEY.id } on the bucket (and grant the Cloud Storage service agent use of the key).
package tenet.gcp.storage.bucket_cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "encryption.0.default_kms_key_name"

deny contains result.fail_attr(x, _key, "the bucket has no default customer-managed key") if {
	some x in terraform.resources("google_storage_bucket")
	not gcp.key_set(x, _key)
	not gcp.key_unknown(x, _key)
}

unknown contains result.unknown(x, _key) if {
	some x in terraform.resources("google_storage_bucket")
	gcp.key_unknown(x, _key)
}
