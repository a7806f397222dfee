# METADATA
# title: SQL servers disable public network access
# description: >-
#   A server with public network access answers on an internet endpoint,
#   guarded only by its firewall rules and logins. Turning it off leaves
#   private endpoints as the only way in, out of reach of password guessing
#   and exploits from the internet.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
# custom:
#   id: TNT-AZ-SQL-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server]
#     per_resource: true
#   controls:
#     cis-azure-3.0.0: ["5.1.7"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set public_network_access_enabled = false on the server and reach it through private endpoints.
package tenet.azure.sql.public_network_access

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# public_network_access_enabled defaults to true (provider v2 to v4): an
# absent value fails. The legacy azurerm_sql_server cannot turn public
# access off and is not judged.
deny contains result.fail_attr(s, "public_network_access_enabled", msg) if {
	some s in terraform.resources("azurerm_mssql_server")
	terraform.get(s, "public_network_access_enabled", true) != false
	not terraform.unknown(s, "public_network_access_enabled")
	msg := "public_network_access_enabled is not false: the server accepts connections on its public endpoint"
}

unknown contains result.unknown(s, "public_network_access_enabled") if {
	some s in terraform.resources("azurerm_mssql_server")
	terraform.unknown(s, "public_network_access_enabled")
}
