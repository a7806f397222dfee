# METADATA
# title: Cloud Storage buckets write access logs
# description: >-
#   Usage and storage logs show who read or changed objects, which an
#   investigation needs after the fact. A bucket that itself receives logs is
#   exempt, since logging it would log the logs.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#logging
# custom:
#   id: TNT-GCP-STG-003
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket]
#   remediation: Add a logging block with log_bucket naming the bucket that collects access logs.
package tenet.gcp.storage.access_logging

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_log_bucket := "logging.log_bucket"

deny contains result.fail_attr(b, _log_bucket, "no logging block with log_bucket is configured") if {
	some b in terraform.resources("google_storage_bucket")
	count(terraform.values_at(b, _log_bucket)) == 0
	not terraform.unknown(b, _log_bucket)
	not _log_sink(b)
}

unknown contains result.unknown(b, _log_bucket) if {
	some b in terraform.resources("google_storage_bucket")
	count(terraform.values_at(b, _log_bucket)) == 0
	terraform.unknown(b, _log_bucket)
	not _log_sink(b)
}

# A bucket is a log sink when another bucket logs into it (by reference in a
# plan, by name in state) or a logging sink writes to it. The names and
# destinations are sets built once: a scan of every bucket and sink for
# every bucket grows as buckets × (buckets + sinks).
_log_sink(b) if count(terraform.referencing(b, "google_storage_bucket", _log_bucket)) > 0

_log_sink(b) if b.values.name in _log_bucket_names

_log_sink(b) if b.config_address in _sink_refs

_log_sink(b) if concat("/", ["storage.googleapis.com", b.values.name]) in _sink_destinations

# _log_bucket_names is every log_bucket that a bucket names.
_log_bucket_names := {name |
	some other in terraform.resources("google_storage_bucket")
	some name in terraform.values_at(other, _log_bucket)
}

_sinks := [sink |
	some type in ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink"]
	some sink in terraform.resources(type)
]

# _sink_refs is every address that a sink's destination refers to (a plan).
_sink_refs := {target |
	some sink in _sinks
	some target in object.get(object.get(sink, "refs", {}), "destination", [])
}

# _sink_destinations is every sink's destination (by name: state, or a
# literal value).
_sink_destinations := {terraform.get(sink, "destination", "") | some sink in _sinks}
