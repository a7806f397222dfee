# METADATA
# title: MySQL servers accept only TLS-encrypted connections
# description: >-
#   A server that accepts plain connections lets passwords and query results
#   cross the network in clear text. Requiring TLS closes that gap for every
#   client.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server
# custom:
#   id: TNT-AZ-MY-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mysql_flexible_server, azurerm_mysql_server]
#   controls:
#     cis-azure-2.0.0: ["4.4.1"]
#     cis-azure-3.0.0: ["5.3.1"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Leave require_secure_transport at ON for flexible servers (remove the azurerm_mysql_flexible_server_configuration that turns it off); set ssl_enforcement_enabled = true on single servers.
package tenet.azure.mysql.require_tls

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_configuration := "azurerm_mysql_flexible_server_configuration"

_off := {"off", "false", "no", "0"}

# Flexible servers require TLS unless a configuration turns it off: the
# Azure default of require_secure_transport is ON (Azure Database for MySQL
# flexible server, "Connectivity and networking concepts", TLS and SSL;
# CIS Azure 3.0.0 5.3.1).
deny contains result.fail(s, msg) if {
	some s in terraform.resources("azurerm_mysql_flexible_server")
	some [v, c] in azure.parameter_values(s, _configuration, "server_name", "require_secure_transport", "ON")
	lower(v) in _off
	msg := sprintf("%s sets require_secure_transport to %s: clients may connect without TLS", [c.address, v])
}

unknown contains result.unknown_via(s, c, attr) if {
	some s in terraform.resources("azurerm_mysql_flexible_server")
	some [c, attr] in azure.parameter_unknowns(s, _configuration, "server_name", "require_secure_transport")
}

# Single servers: ssl_enforcement_enabled (v2.? to v3, required on v3), or
# the v2 string ssl_enforcement ("Enabled" or "Disabled").
_ssl := ["ssl_enforcement_enabled", "ssl_enforcement"]

deny contains result.fail_attr(s, azure.setting_name(s, _ssl), msg) if {
	some s in terraform.resources("azurerm_mysql_server")
	v := azure.setting(s, _ssl)
	_disabled(v)
	msg := sprintf("%s is %v: clients may connect without TLS", [azure.setting_name(s, _ssl), v])
}

unknown contains result.unknown(s, attr) if {
	some s in terraform.resources("azurerm_mysql_server")
	attr := azure.unknown_setting(s, _ssl)
}

_disabled(false)

_disabled(v) if {
	is_string(v)
	lower(v) == "disabled"
}
