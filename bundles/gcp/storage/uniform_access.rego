# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: >-
#   With object ACLs active, any object can be shared on its own, outside the
#   bucket's IAM policy, and access becomes hard to review. Uniform
#   bucket-level access makes IAM the only way in.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access
# custom:
#   id: TNT-GCP-STG-002
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["5.2"]
#     cis-gcp-3.0.0: ["5.2"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5", "7.3.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket]
#     per_resource: true
#   remediation: Set uniform_bucket_level_access = true on the bucket.
package tenet.gcp.storage.uniform_access

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(b, "uniform_bucket_level_access", "uniform_bucket_level_access is not true: object ACLs stay active") if {
	some b in terraform.resources("google_storage_bucket")
	not terraform.is_true(b, "uniform_bucket_level_access")
	not terraform.unknown(b, "uniform_bucket_level_access")
}

# The attribute is Optional and Computed: left unset, a plan shows it unknown
# and an organization policy may still enforce it, so it is not denied.
unknown contains result.unknown(b, "uniform_bucket_level_access") if {
	some b in terraform.resources("google_storage_bucket")
	terraform.unknown(b, "uniform_bucket_level_access")
}
