# METADATA
# title: Projects, folders and organizations grant nothing to personal Google accounts
# description: >-
#   A consumer account such as an @gmail.com address is outside the
#   organization's identity management: its password policy, second factor,
#   offboarding and audit are the account owner's alone, and access stays
#   when the person leaves. Grants belong to managed identities of the
#   organization's own domain.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
#   - https://cloud.google.com/resource-manager/docs/organization-policy/restricting-domains
# custom:
#   id: TNT-GCP-IAM-010
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["1.1"]
#     cis-gcp-3.0.0: ["1.1"]
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1", "CC6.2"]
#     pci-dss-4.0: ["7.2.1", "8.2.1"]
#     hipaa: ["164.308(a)(3)(ii)(C)", "164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#     per_resource: true
#   remediation: Grant the role to the person's account in the organization's Cloud Identity or Workspace domain, and enforce constraints/iam.allowedPolicyMemberDomains.
package tenet.gcp.iam.personal_accounts

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_prefixes := ["google_project", "google_folder", "google_organization"]

_consumer_domains := {"gmail.com", "googlemail.com"}

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s, a personal account", [gcp.grant_text(g)])) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	is_string(g.member)
	startswith(g.member, "user:")
	parts := split(lower(g.member), "@")
	parts[count(parts) - 1] in _consumer_domains
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	g.member == null
}
