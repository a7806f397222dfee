# METADATA
# title: Service accounts hold no owner, editor or admin role on the project
# description: >-
#   A service account's credentials are used by code, copied into pipelines
#   and reachable from every VM that runs as it, so an administrative role on
#   it turns any compromise of that code into control of the project. Grant
#   service accounts narrow, predefined or custom roles.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
# custom:
#   id: TNT-GCP-IAM-002
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["1.5"]
#     cis-gcp-3.0.0: ["1.5"]
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
#   remediation: Replace roles/owner, roles/editor and admin roles granted to service accounts with roles that allow only what the workload does.
package tenet.gcp.iam.service_account_admin

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants administrative %s", [gcp.grant_text(g)])) if {
	some g in gcp.iam_grants("google_project")
	_admin(g.role)
	_service_account(g.member)
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some g in gcp.iam_grants("google_project")
	null in {g.role, g.member}
	_maybe_admin(g.role)
	_maybe_service_account(g.member)
}

_admin(role) if role in {"roles/owner", "roles/editor"}

_admin(role) if endswith(lower(role), "admin")

_service_account(member) if startswith(member, "serviceAccount:")

_maybe_admin(null)

_maybe_admin(role) if _admin(role)

_maybe_service_account(null)

_maybe_service_account(member) if _service_account(member)
