# METADATA
# title: Cloud SQL instances encrypt their data with a customer-managed key
# description: >-
#   A Cloud SQL instance encrypted with a customer-managed Cloud KMS key
#   (CMEK) can be made unreadable, with its backups, by disabling the key,
#   and every use of the key is audited. The key can only be chosen when the
#   instance is created.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#encryption_key_name
#   - https://cloud.google.com/sql/docs/postgres/cmek
# custom:
#   id: TNT-GCP-SQL-014
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
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Set encryption_key_name = google_kms_crypto_key.KEY.id when creating the instance (the Cloud SQL service agent needs the encrypter/decrypter role on the key).
package tenet.gcp.sql.cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "encryption_key_name"

deny contains result.fail_attr(db, _key, "the instance is encrypted with a Google-managed key") if {
	some db in terraform.resources("google_sql_database_instance")
	not gcp.key_set(db, _key)
	not gcp.key_unknown(db, _key)
}

unknown contains result.unknown(db, _key) if {
	some db in terraform.resources("google_sql_database_instance")
	gcp.key_unknown(db, _key)
}
