# METADATA
# title: Service account impersonation is not granted on the whole project
# description: >-
#   Service Account User or Token Creator on the project lets the holder act
#   as every service account in it, including ones created later with more
#   power. Grant these roles on the individual service account instead.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TNT-GCP-IAM-003
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.6"]
#     cis-gcp-3.0.0: ["1.6"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5", "7.3.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy]
#     per_resource: true
#   remediation: Remove the project-level grant and grant roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator on the specific service account (google_service_account_iam_member).
package tenet.gcp.iam.project_impersonation

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s on the whole project", [gcp.grant_text(g)])) if {
	some g in gcp.iam_grants("google_project")
	g.role in _roles
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in gcp.iam_grants("google_project")
	g.role == null
}
