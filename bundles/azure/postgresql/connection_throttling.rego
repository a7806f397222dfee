# METADATA
# title: PostgreSQL servers throttle repeated failed connections
# description: >-
#   Connection throttling slows down clients that fail to log in again and
#   again. Without it, password guessing runs at full speed and a flood of
#   connection attempts can exhaust the server's connections.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_configuration
#   - https://learn.microsoft.com/en-us/azure/postgresql/flexible-server/concepts-server-parameters
# custom:
#   id: TNT-AZ-PG-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server]
#   controls:
#     cis-azure-2.0.0: ["4.3.5"]
#     cis-azure-3.0.0: ["5.2.3"]
#     nist-800-53-r5: ["AC-7", "SC-5"]
#     soc2-2017: ["CC6.1", "CC7.2"]
#     pci-dss-4.0: ["8.3.4"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add an azurerm_postgresql_flexible_server_configuration with name = "connection_throttle.enable" and value = "on" (azurerm_postgresql_configuration with name = "connection_throttling" on single servers).
package tenet.azure.postgresql.connection_throttling

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# Azure defaults: connection_throttle.enable is off on flexible servers
# (Azure Database for PostgreSQL flexible server parameters, "Customized
# Options"; CIS Azure 3.0.0 5.2.3); connection_throttling is on on single
# servers (CIS Azure 2.0.0 4.3.5, "By default, connection_throttling is
# enabled").
_servers := {
	"azurerm_postgresql_flexible_server": ["azurerm_postgresql_flexible_server_configuration", "server_id", "connection_throttle.enable", "off"],
	"azurerm_postgresql_server": ["azurerm_postgresql_configuration", "server_name", "connection_throttling", "on"],
}

_off := {"off", "false", "no", "0"}

deny contains result.fail(s, msg) if {
	some type, [configuration, attr, name, fallback] in _servers
	some s in terraform.resources(type)
	some [v, r] in azure.parameter_values(s, configuration, attr, name, fallback)
	lower(v) in _off
	msg := _message(s, r, name, v)
}

unknown contains result.unknown_via(s, c, a) if {
	some type, [configuration, attr, name, _] in _servers
	some s in terraform.resources(type)
	some [c, a] in azure.parameter_unknowns(s, configuration, attr, name)
}

_message(s, r, name, v) := sprintf("%s is not configured and keeps the Azure default, %s: failed logins are not throttled", [name, v]) if {
	r.address == s.address
} else := sprintf("%s sets %s to %s: failed logins are not throttled", [r.address, name, v])
