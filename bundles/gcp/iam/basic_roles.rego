# METADATA
# title: People and groups hold no basic Owner, Editor or Viewer role on a project, folder or organization
# description: >-
#   The basic roles predate IAM's fine-grained roles: Editor can change
#   almost every resource, Viewer can read almost all data, and both grow as
#   Google adds services. A predefined or custom role scoped to the job
#   gives the same people what they need and nothing more. Service accounts
#   are judged by TNT-GCP-IAM-002.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
#   - https://cloud.google.com/iam/docs/roles-overview#basic
# custom:
#   id: TNT-GCP-IAM-009
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#     per_resource: true
#   remediation: Replace roles/owner, roles/editor and roles/viewer with predefined or custom roles that cover what the member does.
package tenet.gcp.iam.basic_roles

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_basic := {"roles/owner", "roles/editor", "roles/viewer"}

_prefixes := ["google_project", "google_folder", "google_organization"]

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants the basic %s", [gcp.grant_text(g)])) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	g.role in _basic
	_human(g.member)
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	null in {g.role, g.member}
	_maybe_basic(g.role)
	_maybe_human(g.member)
}

# Users, groups and whole domains; principal sets of workforce pools too.
_human(member) if {
	some kind in ["user:", "group:", "domain:", "principal:", "principalSet:"]
	startswith(member, kind)
}

_maybe_basic(null)

_maybe_basic(role) if role in _basic

_maybe_human(null)

_maybe_human(member) if _human(member)
