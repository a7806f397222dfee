# METADATA
# title: Cloud Storage buckets keep object versions
# description: >-
#   With versioning on, an overwritten or deleted object stays as a
#   noncurrent version that can be restored, so a mistaken or malicious
#   change, such as ransomware rewriting objects, does not destroy the data.
#   Lifecycle rules can expire old versions to bound the cost.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#versioning
#   - https://cloud.google.com/storage/docs/object-versioning
# custom:
#   id: TNT-GCP-STG-006
#   severity: low
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_storage_bucket]
#     per_resource: true
#   remediation: Add versioning { enabled = true } to the bucket, with a lifecycle rule that deletes noncurrent versions after the retention you need.
package tenet.gcp.storage.versioning

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "versioning.0.enabled"

deny contains result.fail_attr(b, _attr, "object versioning is not enabled") if {
	some b in terraform.resources("google_storage_bucket")
	not terraform.is_true(b, _attr)
	not compute.set_unknown(b, _attr)
}

unknown contains result.unknown(b, _attr) if {
	some b in terraform.resources("google_storage_bucket")
	compute.set_unknown(b, _attr)
}
