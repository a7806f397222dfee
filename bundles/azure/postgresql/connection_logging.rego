# METADATA
# title: PostgreSQL servers log connections and disconnections
# description: >-
#   Connection and disconnection records show who reached the database, from
#   where and for how long. Without them, password guessing, a stolen
#   credential in use or an unexpected client leaves no trace to investigate.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters
# custom:
#   id: TNT-AZ-PG-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_postgresql_server]
#   controls:
#     cis-azure-2.0.0: ["4.3.3", "4.3.4"]
#     cis-azure-3.0.0: ["5.2.6", "5.2.7"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add azurerm_postgresql_configuration resources for the server with name = "log_connections" and name = "log_disconnections", each with value = "on".
package tenet.azure.postgresql.connection_logging

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_configuration := "azurerm_postgresql_configuration"

# Azure defaults on single servers: log_connections on, log_disconnections
# off (Azure Database for PostgreSQL single server parameters, and the
# DefaultValue of CIS Azure 2.0.0 4.3.3 and 4.3.4). Flexible servers are not
# judged: both parameters are read-only and on there (Azure Database for
# PostgreSQL flexible server parameters, "Reporting and Logging / What to
# Log", versions 11 to 16).
_defaults := {"log_connections": "on", "log_disconnections": "off"}

_off := {"off", "false", "no", "0"}

deny contains result.fail(s, msg) if {
	some s in terraform.resources("azurerm_postgresql_server")
	some name, fallback in _defaults
	some [v, r] in azure.parameter_values(s, _configuration, "server_name", name, fallback)
	lower(v) in _off
	msg := _message(s, r, name, v)
}

unknown contains result.unknown_via(s, c, attr) if {
	some s in terraform.resources("azurerm_postgresql_server")
	some name, _ in _defaults
	some [c, attr] in azure.parameter_unknowns(s, _configuration, "server_name", name)
}

_message(s, r, name, v) := sprintf("%s is not configured and keeps the Azure default, %s: %s are not logged", [name, v, _what[name]]) if {
	r.address == s.address
} else := sprintf("%s sets %s to %s: %s are not logged", [r.address, name, v, _what[name]])

_what := {"log_connections": "connection attempts", "log_disconnections": "session ends"}
