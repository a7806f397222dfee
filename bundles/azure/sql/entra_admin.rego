# METADATA
# title: SQL servers have a Microsoft Entra ID administrator
# description: >-
#   Without an Entra ID administrator the server only knows SQL logins, whose
#   passwords escape central policies such as MFA and account disabling.
#   Entra ID logins are managed, audited and revoked in one place.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
# custom:
#   id: TNT-AZ-SQL-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.1.4"]
#     cis-azure-3.0.0: ["5.1.4"]
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "8.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add an azuread_administrator block (login_username and object_id of an Entra ID group) to the server.
package tenet.azure.sql.entra_admin

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_separate := "azurerm_sql_active_directory_administrator"

deny contains result.fail_attr(s, "azuread_administrator", msg) if {
	some s in terraform.resources("azurerm_mssql_server")
	count(azure.block(s, "azuread_administrator")) == 0
	not terraform.unknown(s, "azuread_administrator")
	count(terraform.referencing(s, _separate, "server_name")) == 0
	msg := "no azuread_administrator block or azurerm_sql_active_directory_administrator: only SQL logins can administer the server"
}

# The block is not computed: wholly unknown means a dynamic block whose
# content is known only after apply.
unknown contains result.unknown(s, "azuread_administrator") if {
	some s in terraform.resources("azurerm_mssql_server")
	terraform.unknown(s, "azuread_administrator")
	count(terraform.referencing(s, _separate, "server_name")) == 0
}
