# METADATA
# title: SQL server audit logs are kept for more than 90 days
# description: >-
#   Audit records are needed long after the event: breaches are often found
#   months later. A short retention deletes the evidence before anyone
#   looks for it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy
# custom:
#   id: TNT-AZ-SQL-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server, azurerm_sql_server]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.1.6"]
#     cis-azure-3.0.0: ["5.1.6"]
#     nist-800-53-r5: ["AU-11", "SI-12"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.5.1"]
#     hipaa: ["164.312(b)"]
#   remediation: Set retention_in_days above 90 (or 0 to keep audit logs forever) on the server's extended auditing policy.
package tenet.azure.sql.audit_retention

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_min_days := 90

# 0 means unlimited retention.
_short(days) if {
	is_number(days)
	days > 0
	days <= _min_days
}

deny contains result.fail_attr(s, "extended_auditing_policy.retention_in_days", msg) if {
	some s in azure.sql_servers
	some b in azure.block(s, "extended_auditing_policy")
	_short(b.retention_in_days)
	msg := sprintf("extended_auditing_policy.retention_in_days is %d: audit logs are deleted within %d days", [b.retention_in_days, _min_days])
}

deny contains result.fail(s, msg) if {
	some s in azure.sql_servers
	some p in azure.sql_audit_policies(s)
	days := terraform.get(p, "retention_in_days", 0)
	_short(days)
	msg := sprintf("retention_in_days of %s is %d: audit logs are deleted within %d days", [p.address, days, _min_days])
}

unknown contains result.unknown(s, "extended_auditing_policy.retention_in_days") if {
	some s in azure.sql_servers
	compute.set_unknown(s, "extended_auditing_policy.0.retention_in_days")
}

unknown contains result.unknown_via(s, p, "retention_in_days") if {
	some s in azure.sql_servers
	some p in azure.sql_audit_policies(s)
	terraform.unknown(p, "retention_in_days")
}
