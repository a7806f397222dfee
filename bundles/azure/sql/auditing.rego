# METADATA
# title: SQL servers audit database events to a log destination
# description: >-
#   Server auditing records logins, queries and permission changes across
#   every database on the server. Without it, misuse of the data or of an
#   administrator account leaves no trail.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy
# custom:
#   id: TNT-AZ-SQL-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server, azurerm_sql_server]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.1.1"]
#     cis-azure-3.0.0: ["5.1.1"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add an azurerm_mssql_server_extended_auditing_policy for the server with enabled = true and a storage_endpoint or log_monitoring_enabled = true.
package tenet.azure.sql.auditing

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(s, msg) if {
	some s in azure.sql_servers
	not _audited(s)
	not _undecided(s)
	msg := "no enabled extended auditing policy with a storage or Log Analytics target covers the server"
}

unknown contains result.unknown_via(s, p, attr) if {
	some s in azure.sql_servers
	not _audited(s)
	some p in azure.sql_audit_policies(s)
	some attr in ["enabled", "log_monitoring_enabled"]
	terraform.unknown(p, attr)
}

_audited(s) if {
	some b in azure.block(s, "extended_auditing_policy")
	_targeted(b)
}

_audited(s) if {
	some p in azure.sql_audit_policies(s)
	not terraform.unknown(p, "enabled")
	terraform.get(p, "enabled", true) != false
	_sends(p)
}

# Provider v2 inline block: storage only.
_targeted(b) if {
	is_string(b.storage_endpoint)
	b.storage_endpoint != ""
}

_targeted(b) if b.log_monitoring_enabled == true

_sends(p) if terraform.get(p, "storage_endpoint", "") != ""

_sends(p) if terraform.unknown(p, "storage_endpoint")

_sends(p) if terraform.is_true(p, "log_monitoring_enabled")

_undecided(s) if {
	some u in unknown
	u.resource == s.address
}
