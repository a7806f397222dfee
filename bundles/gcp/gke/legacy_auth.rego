# METADATA
# title: GKE clusters disable legacy ABAC, basic authentication and client certificates
# description: >-
#   Legacy ABAC grants broad static permissions that bypass RBAC, and a basic
#   auth password or issued client certificate is a long-lived cluster
#   credential that cannot be revoked. Google identities and RBAC replace all
#   three.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#master_auth
# custom:
#   id: TNT-GCP-GKE-002
#   severity: high
#   controls:
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1", "8.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Set enable_legacy_abac = false, remove master_auth username and password, and set client_certificate_config.issue_client_certificate = false.
package tenet.gcp.gke.legacy_auth

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_checks := [
	["enable_legacy_abac", "legacy ABAC authorization is enabled"],
	["master_auth.0.client_certificate_config.0.issue_client_certificate", "a client certificate is issued"],
]

deny contains result.fail_attr(c, attr, sprintf("%s is true: %s", [attr, what])) if {
	some c in terraform.resources("google_container_cluster")
	some [attr, what] in _checks
	terraform.is_true(c, attr)
}

# Basic authentication (removed in provider v4, still in older states).
deny contains result.fail_attr(c, attr, sprintf("%s is set: basic authentication is enabled", [attr])) if {
	some c in terraform.resources("google_container_cluster")
	some attr in ["master_auth.0.username", "master_auth.0.password"]
	terraform.get(c, attr, "") != ""
}

unknown contains result.unknown(c, attr) if {
	some c in terraform.resources("google_container_cluster")
	some [attr, _] in _checks
	terraform.unknown(c, attr)
}
