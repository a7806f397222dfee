# METADATA
# title: Buckets that receive exported logs have a locked retention policy
# description: >-
#   Exported logs are the record an investigation relies on, and whoever can
#   delete them can erase their own trail. A retention policy locked with
#   Bucket Lock keeps every object for the whole period, and no one, not
#   even a project owner, can shorten or remove it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#retention_policy
#   - https://cloud.google.com/storage/docs/bucket-lock
# custom:
#   id: TNT-GCP-LOG-011
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["2.3"]
#     cis-gcp-3.0.0: ["2.3"]
#     nist-800-53-r5: ["AU-9", "AU-11"]
#     soc2-2017: ["CC6.1", "CC7.2"]
#     pci-dss-4.0: ["10.3.2", "10.5.1"]
#     hipaa: ["164.312(b)", "164.312(c)(1)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket, google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink]
#   remediation: Give the sink's destination bucket retention_policy { retention_period = SECONDS, is_locked = true }.
package tenet.gcp.logging.sink_bucket_lock

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_lock := "retention_policy.0.is_locked"

_period := "retention_policy.0.retention_period"

deny contains result.fail_attr(b, _lock, sprintf("the bucket receives the logs of %s but its retention policy is not locked", [s.address])) if {
	some [s, b] in _destinations
	not terraform.any_unknown(b, [_lock, _period])
	not _locked(b)
}

unknown contains result.unknown_via(s, b, "retention_policy") if {
	some [s, b] in _destinations
	terraform.any_unknown(b, [_lock, _period])
	not _locked(b)
}

# A storage destination whose bucket name is known only after apply and
# does not refer to a bucket of the input.
unknown contains result.unknown(s, "destination") if {
	some s in _sinks
	terraform.unknown(s, "destination")
	count(terraform.referenced(s, "google_storage_bucket", "destination")) == 0
}

_locked(b) if {
	terraform.is_true(b, _lock)
	terraform.get(b, _period, 0) > 0
}

_sinks contains s if {
	some type in ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink"]
	some s in terraform.resources(type)
	not terraform.is_true(s, "disabled")
}

# A sink's bucket: by reference in a plan, or by the name in its known
# destination (storage.googleapis.com/NAME).
_destinations contains [s, b] if {
	some s in _sinks
	some b in terraform.referenced(s, "google_storage_bucket", "destination")
}

_destinations contains [s, b] if {
	some s in _sinks
	dest := terraform.get(s, "destination", "")
	startswith(dest, "storage.googleapis.com/")
	name := substring(dest, count("storage.googleapis.com/"), -1)
	some b in terraform.resources("google_storage_bucket")
	terraform.get(b, "name", "") == name
}
