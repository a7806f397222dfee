# METADATA
# title: PostgreSQL servers keep their logs for more than three days
# description: >-
#   Server logs hold the connections, errors and statements needed to
#   investigate an incident. Kept for only three days, they are gone before
#   most incidents are noticed, for example after a long weekend.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters
# custom:
#   id: TNT-AZ-PG-004
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server]
#   controls:
#     cis-azure-2.0.0: ["4.3.6"]
#     cis-azure-3.0.0: ["5.2.4"]
#     nist-800-53-r5: ["AU-11", "SI-12"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.5.1"]
#     hipaa: ["164.312(b)"]
#   remediation: Add an azurerm_postgresql_flexible_server_configuration with name = "logfiles.retention_days" and a value from 4 to 7 (azurerm_postgresql_configuration with name = "log_retention_days" on single servers).
package tenet.azure.postgresql.log_retention

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# Azure defaults: logfiles.retention_days is 3 on flexible servers (Azure
# Database for PostgreSQL flexible server parameters, "Log Files"; allowed
# 1 to 7) and log_retention_days is 3 on single servers (CIS Azure 2.0.0
# 4.3.6, "By default log_retention_days is set to 3"): both fail.
_servers := {
	"azurerm_postgresql_flexible_server": ["azurerm_postgresql_flexible_server_configuration", "server_id", "logfiles.retention_days"],
	"azurerm_postgresql_server": ["azurerm_postgresql_configuration", "server_name", "log_retention_days"],
}

deny contains result.fail(s, msg) if {
	some type, [configuration, attr, name] in _servers
	some s in terraform.resources(type)
	some [v, r] in azure.parameter_values(s, configuration, attr, name, "3")
	to_number(v) <= 3
	msg := _message(s, r, name, v)
}

unknown contains result.unknown_via(s, c, a) if {
	some type, [configuration, attr, name] in _servers
	some s in terraform.resources(type)
	some [c, a] in azure.parameter_unknowns(s, configuration, attr, name)
}

_message(s, r, name, v) := sprintf("%s is not configured and keeps the Azure default, %s days: server logs are deleted after 3 days or less", [name, v]) if {
	r.address == s.address
} else := sprintf("%s sets %s to %s: server logs are deleted after 3 days or less", [r.address, name, v])
