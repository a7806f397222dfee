# METADATA
# title: Cloud Storage buckets grant nothing to allUsers or allAuthenticatedUsers
# description: >-
#   A role granted to allUsers or allAuthenticatedUsers opens the bucket to
#   anyone on the internet or with any Google account. Public data should be
#   served deliberately, not through a bucket IAM grant.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket_iam
# custom:
#   id: TNT-GCP-STG-001
#   severity: critical
#   controls:
#     cis-gcp-2.0.0: ["5.1"]
#     cis-gcp-3.0.0: ["5.1"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy]
#   remediation: Remove allUsers and allAuthenticatedUsers from the bucket's IAM members, or set public_access_prevention = "enforced" on the bucket.
package tenet.gcp.storage.public_access

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s on the bucket", [gcp.grant_text(g)])) if {
	some g in gcp.iam_grants("google_storage_bucket")
	g.member in gcp.public_members
	not _prevented(g.resource)
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in gcp.iam_grants("google_storage_bucket")
	g.member == null
	not _prevented(g.resource)
}

# A bucket with public access prevention enforced refuses public grants. The
# IAM resources join by reference in a plan, by name in state, where the
# provider records the bucket as "b/<name>".
_prevented(binding) if {
	some b in _buckets(binding)
	terraform.get(b, "public_access_prevention", "") == "enforced"
}

_buckets(binding) := terraform.referenced(binding, "google_storage_bucket", "bucket") if {
	not startswith(terraform.get(binding, "bucket", ""), "b/")
} else := [b |
	name := trim_prefix(terraform.get(binding, "bucket", ""), "b/")
	some b in terraform.resources("google_storage_bucket")
	terraform.get(b, "name", "") == name
]
