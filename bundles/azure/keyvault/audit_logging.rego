# METADATA
# title: Key vault access is recorded in audit logs
# description: >-
#   Every read of a secret or use of a key is a security event, and without
#   diagnostic logs nobody can tell who accessed what or when. The AuditEvent
#   category keeps that record outside the vault.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_diagnostic_setting
# custom:
#   id: TNT-AZ-KV-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["5.1.5"]
#     cis-azure-3.0.0: ["6.1.4"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add an azurerm_monitor_diagnostic_setting with target_resource_id = the vault's id and enabled_log { category_group = "audit" } (or category = "AuditEvent").
package tenet.azure.keyvault.audit_logging

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(kv, msg) if {
	some kv in terraform.resources("azurerm_key_vault")
	not _logged(kv)
	not _undecided(kv)
	msg := "no azurerm_monitor_diagnostic_setting sends the vault's AuditEvent logs anywhere"
}

unknown contains result.unknown_via(kv, ds, attr) if {
	some kv in terraform.resources("azurerm_key_vault")
	not _logged(kv)
	some ds in azure.diagnostic_settings(kv)
	some attr in ["enabled_log", "log"]
	terraform.unknown(ds, attr)
}

_logged(kv) if {
	some ds in azure.diagnostic_settings(kv)
	azure.logs_category(ds, "AuditEvent", {"audit", "alllogs"})
}

_undecided(kv) if {
	some u in unknown
	u.resource == kv.address
}
