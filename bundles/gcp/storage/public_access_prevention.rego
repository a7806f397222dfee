# METADATA
# title: Cloud Storage buckets enforce public access prevention
# description: >-
#   With public access prevention enforced, no IAM grant or ACL can ever make
#   the bucket or its objects readable by allUsers or allAuthenticatedUsers,
#   whatever a later change adds. Left "inherited", the bucket is protected
#   only if an organization policy enforces the constraint.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention
#   - https://cloud.google.com/storage/docs/public-access-prevention
# custom:
#   id: TNT-GCP-STG-005
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket]
#     per_resource: true
#   remediation: Set public_access_prevention = "enforced" on the bucket, or enforce constraints/storage.publicAccessPrevention for the organization.
package tenet.gcp.storage.public_access_prevention

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "public_access_prevention"

deny contains result.fail_attr(b, _attr, sprintf("public_access_prevention is %q, not \"enforced\"", [terraform.get(b, _attr, "inherited")])) if {
	some b in terraform.resources("google_storage_bucket")
	not terraform.unknown(b, _attr)
	terraform.get(b, _attr, "inherited") != "enforced"
}

# Optional and Computed: left unset, a plan shows it unknown, and an
# organization policy may enforce it (as for uniform access, TNT-GCP-STG-002).
unknown contains result.unknown(b, _attr) if {
	some b in terraform.resources("google_storage_bucket")
	terraform.unknown(b, _attr)
}
