# METADATA
# title: Database firewalls do not admit every internet address
# description: >-
#   A firewall rule from 0.0.0.0 to 255.255.255.255 puts the database login
#   in front of the whole internet. The 0.0.0.0 to 0.0.0.0 rule lets in every
#   Azure service of any tenant, so it is reported as a warning.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_firewall_rule
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_firewall_rule
# custom:
#   id: TNT-AZ-SQL-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_flexible_server_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.1.2"]
#     cis-azure-3.0.0: ["5.1.2"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Replace the rule with the specific address ranges that need the database, or use a private endpoint.
package tenet.azure.sql.firewall_open

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The legacy single-server rules (PostgreSQL, MySQL, MariaDB) have the same
# shape and are judged too.
_types := [
	"azurerm_mssql_firewall_rule",
	"azurerm_sql_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mariadb_firewall_rule",
]

_rules contains r if {
	some t in _types
	some r in terraform.resources(t)
}

deny contains result.fail_attr(r, "end_ip_address", msg) if {
	some r in _rules
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "255.255.255.255"
	msg := "start_ip_address 0.0.0.0 to end_ip_address 255.255.255.255 admits every internet address"
}

warn contains result.fail_attr(r, "end_ip_address", msg) if {
	some r in _rules
	r.values.start_ip_address == "0.0.0.0"
	r.values.end_ip_address == "0.0.0.0"
	msg := "start_ip_address and end_ip_address 0.0.0.0 admit every Azure service, including other tenants'"
}

unknown contains result.unknown(r, attr) if {
	some r in _rules
	some attr in ["start_ip_address", "end_ip_address"]
	terraform.unknown(r, attr)
}
