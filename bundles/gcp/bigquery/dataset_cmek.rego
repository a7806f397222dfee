# METADATA
# title: BigQuery datasets encrypt new tables with a customer-managed key by default
# description: >-
#   A default Cloud KMS key on the dataset makes every table created in it use
#   that key, so the organisation can rotate, audit and revoke access to the
#   data itself. Without one, tables fall back to Google-managed keys unless
#   each names its own.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#default_encryption_configuration
# custom:
#   id: TNT-GCP-BQ-003
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["7.3"]
#     cis-gcp-3.0.0: ["7.3"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_bigquery_dataset]
#     per_resource: true
#   remediation: Set default_encryption_configuration { kms_key_name = google_kms_crypto_key.KEY.id } on the dataset.
package tenet.gcp.bigquery.dataset_cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "default_encryption_configuration.0.kms_key_name"

deny contains result.fail_attr(x, _key, "the dataset has no default customer-managed key") if {
	some x in terraform.resources("google_bigquery_dataset")
	not gcp.key_set(x, _key)
	not gcp.key_unknown(x, _key)
}

unknown contains result.unknown(x, _key) if {
	some x in terraform.resources("google_bigquery_dataset")
	gcp.key_unknown(x, _key)
}
