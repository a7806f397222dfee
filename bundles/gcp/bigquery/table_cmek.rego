# METADATA
# title: BigQuery tables are encrypted with a customer-managed key
# description: >-
#   A table encrypted with a customer-managed Cloud KMS key, its own or the
#   default of its dataset, can be made unreadable by disabling the key, and
#   every use of the key is audited. Views and external tables hold no data
#   of their own and are not judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#encryption_configuration
#   - https://cloud.google.com/bigquery/docs/customer-managed-encryption
# custom:
#   id: TNT-GCP-BQ-002
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["7.2"]
#     cis-gcp-3.0.0: ["7.2"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_bigquery_table, google_bigquery_dataset]
#   remediation: Set encryption_configuration { kms_key_name = google_kms_crypto_key.KEY.id } on the table, or default_encryption_configuration on its dataset before the table is created.
package tenet.gcp.bigquery.table_cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "encryption_configuration.0.kms_key_name"

_default_key := "default_encryption_configuration.0.kms_key_name"

deny contains result.fail_attr(t, _key, "the table has no customer-managed key and its dataset sets no default key") if {
	some t in _tables
	not gcp.key_set(t, _key)
	not gcp.key_unknown(t, _key)
	not _dataset_key(t)
	not _dataset_key_unknown(t)
}

unknown contains result.unknown(t, _key) if {
	some t in _tables
	gcp.key_unknown(t, _key)
	not _dataset_key(t)
}

unknown contains result.unknown_via(t, ds, _default_key) if {
	some t in _tables
	not gcp.key_set(t, _key)
	some ds in _datasets(t)
	gcp.key_unknown(ds, _default_key)
}

# Views and external tables store no data in BigQuery.
_tables contains t if {
	some t in terraform.resources("google_bigquery_table")
	count(terraform.get(t, "view", [])) == 0
	count(terraform.get(t, "external_data_configuration", [])) == 0
}

_dataset_key(t) if {
	some ds in _datasets(t)
	gcp.key_set(ds, _default_key)
}

_dataset_key_unknown(t) if {
	some ds in _datasets(t)
	gcp.key_unknown(ds, _default_key)
}

# The table's dataset: by reference in a plan, by dataset_id (and project,
# when both are known) in state or when written literally.
_datasets(t) := array.concat(
	terraform.referenced(t, "google_bigquery_dataset", "dataset_id"),
	[ds |
		not t.refs.dataset_id
		some ds in _candidates(t)
		terraform.get(ds, "dataset_id", null) == terraform.get(t, "dataset_id", "")
		_same_project(ds, t)
	],
)

# _candidates(t) holds every dataset that can match table t by value: the
# datasets with t's dataset_id, in t's project or without one (_same_project
# matches a project only with itself and with ""); in every project when t
# has none. A scan of every dataset for every table grows as tables ×
# datasets.
_candidates(t) := [ds | some ds in _by_id[terraform.get(t, "dataset_id", "")]] if {
	terraform.get(t, "project", "") == ""
} else := [ds |
	some project in {terraform.get(t, "project", ""), ""}
	some ds in _by_id_in[[terraform.get(t, "dataset_id", ""), project]]
]

# The datasets by [dataset_id, project] and by dataset_id, built once:
# [key, dataset] edges grouped by key, each key inserted once (OPA rehashes
# a whole object when a comprehension inserts a key it holds already).
_id_in_edges := [[[terraform.get(ds, "dataset_id", null), terraform.get(ds, "project", "")], ds] |
	some ds in terraform.resources("google_bigquery_dataset")
]

_by_id_in := {k: dss |
	some k in {e[0] | some e in _id_in_edges}
	dss := [e[1] | some e in _id_in_edges; e[0] == k]
}

_id_edges := [[e[0][0], e[1]] | some e in _id_in_edges]

_by_id := {k: dss |
	some k in {e[0] | some e in _id_edges}
	dss := [e[1] | some e in _id_edges; e[0] == k]
}

_same_project(a, b) if {
	terraform.get(a, "project", "") == terraform.get(b, "project", "")
} else if {
	"" in {terraform.get(a, "project", ""), terraform.get(b, "project", "")}
}
