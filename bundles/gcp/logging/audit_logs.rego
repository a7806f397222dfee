# METADATA
# title: Data Access audit logs are on for all services with no exemptions
# description: >-
#   Admin Activity logs record changes, but only Data Access logs record who
#   read or wrote data, which a breach investigation needs. Exempting members
#   leaves exactly the accounts most worth watching unrecorded.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam#google_project_iam_audit_config
# custom:
#   id: TNT-GCP-LOG-001
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["2.1"]
#     cis-gcp-3.0.0: ["2.1"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_audit_config, google_organization_iam_audit_config, google_folder_iam_audit_config]
#   remediation: Declare an IAM audit config for service "allServices" with audit_log_config blocks for ADMIN_READ, DATA_READ and DATA_WRITE and no exempted_members.
package tenet.gcp.logging.audit_logs

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["google_project_iam_audit_config", "google_organization_iam_audit_config", "google_folder_iam_audit_config"]

_log_types := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

deny contains result.fail_attr(c, "audit_log_config", sprintf("allServices audit config does not enable %v", [missing])) if {
	some c in _all_services
	not terraform.unknown(c, "audit_log_config")
	missing := sort(_log_types - {t | some t in terraform.values_at(c, "audit_log_config.log_type")})
	count(missing) > 0
}

deny contains result.fail_attr(c, sprintf("audit_log_config.%d.exempted_members", [i]), sprintf("%s logs exempt %v", [block.log_type, _exempted(block)])) if {
	some c in _all_services
	some i, block in terraform.get(c, "audit_log_config", [])
	count(_exempted(block)) > 0
}

_exempted(block) := x if {
	x := block.exempted_members
	is_array(x)
} else := []

# A configuration for one service does not cover the others: without an
# allServices configuration anywhere in the input, each one is reported.
deny contains result.fail_attr(c, "service", sprintf("audit config covers only %s and no allServices config is declared", [service])) if {
	count(_all_services) == 0
	not _any_unknown_service
	some c in _configs
	service := terraform.get(c, "service", "")
}

unknown contains result.unknown(c, attr) if {
	some c in _configs
	some attr in ["service", "audit_log_config"]
	terraform.unknown(c, attr)
}

_configs contains c if {
	some type in _types
	some c in terraform.resources(type)
}

_all_services contains c if {
	some c in _configs
	terraform.get(c, "service", "") == "allServices"
}

_any_unknown_service if {
	some c in _configs
	terraform.unknown(c, "service")
}
