# METADATA
# title: Service accounts have no user-managed keys
# description: >-
#   A downloaded service account key is a long-lived credential that Google
#   does not rotate and that leaks through laptops, repositories and CI logs.
#   Attached service accounts, workload identity federation and impersonation
#   give the same access with short-lived tokens.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key
# custom:
#   id: TNT-GCP-IAM-001
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.4"]
#     cis-gcp-3.0.0: ["1.4"]
#     nist-800-53-r5: ["AC-2", "IA-5"]
#     soc2-2017: ["CC6.1", "CC6.2"]
#     pci-dss-4.0: ["8.3.9", "8.6.3"]
#     hipaa: ["164.308(a)(4)(ii)(C)", "164.308(a)(5)(ii)(D)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_service_account_key]
#     per_resource: true
#   remediation: Delete the google_service_account_key and use an attached service account, workload identity federation or service account impersonation instead.
package tenet.gcp.iam.service_account_keys

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Every key this resource creates or uploads is user-managed: Google-managed
# keys never appear in Terraform.
deny contains result.fail(k, "the resource creates a user-managed service account key") if {
	some k in terraform.resources("google_service_account_key")
}
