# METADATA
# title: A log sink exports every log entry of the project
# description: >-
#   Logs kept only in the project expire with its retention and go with the
#   project if it is deleted or taken over. A sink with an empty filter
#   copies every entry to a destination outside the project, such as a
#   SIEM or a locked bucket. Judged in every project whose allServices
#   audit configuration the input declares; a folder or organization sink
#   that includes children and exports everything counts for all of them.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/logging_project_sink
#   - https://cloud.google.com/logging/docs/export/configure_export_v2
# custom:
#   id: TNT-GCP-LOG-010
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["2.2"]
#     cis-gcp-3.0.0: ["2.2"]
#     nist-800-53-r5: ["AU-9", "AU-11", "SI-12"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.3.2", "10.5.1"]
#     hipaa: ["164.312(b)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_audit_config, google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink]
#   remediation: Declare a google_logging_project_sink (or a folder or organization sink with include_children = true) with no filter, exporting to a bucket, BigQuery dataset or Pub/Sub topic outside the project.
package tenet.gcp.logging.sink_all_entries

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(c, sprintf("project %q has no enabled log sink without a filter", [terraform.get(c, "project", "")])) if {
	some c in gcp.log_alert_anchors
	not _exported(c)
	not _pending(c)
}

unknown contains result.unknown(s, attr) if {
	some c in gcp.log_alert_anchors
	not _exported(c)
	some s in _covering(c)
	some attr in ["filter", "disabled"]
	terraform.unknown(s, attr)
}

_exported(c) if {
	some s in _covering(c)
	_all_entries(s)
}

_pending(c) if {
	some s in _covering(c)
	terraform.any_unknown(s, ["filter", "disabled"])
}

_all_entries(s) if {
	not terraform.any_unknown(s, ["filter", "disabled"])
	terraform.get(s, "filter", "") == ""
	not terraform.is_true(s, "disabled")
}

# The sinks that may export the project's entries: its own, and the folder
# and organization sinks that include children.
_covering(c) := array.concat(
	[s |
		some s in terraform.resources("google_logging_project_sink")
		gcp.same_project(c, s)
	],
	[s |
		some type in ["google_logging_folder_sink", "google_logging_organization_sink"]
		some s in terraform.resources(type)
		terraform.is_true(s, "include_children")
	],
)
