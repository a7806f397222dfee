# METADATA
# title: SQL databases have transparent data encryption on
# description: >-
#   Transparent data encryption encrypts the database files, backups and
#   transaction logs at rest. A database with it turned off leaves its data
#   readable to anyone who obtains a copy of the storage or a backup.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database
# custom:
#   id: TNT-AZ-SQL-006
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_database]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.1.5"]
#     cis-azure-3.0.0: ["5.1.5"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Remove transparent_data_encryption_enabled = false from the database (it defaults to true).
package tenet.azure.sql.tde_enabled

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# transparent_data_encryption_enabled defaults to true (provider v3+; v2 has
# no attribute and leaves TDE at the Azure default, on): only false fails.
deny contains result.fail_attr(db, "transparent_data_encryption_enabled", msg) if {
	some db in terraform.resources("azurerm_mssql_database")
	terraform.get(db, "transparent_data_encryption_enabled", null) == false
	msg := "transparent_data_encryption_enabled is false: the database, its backups and logs are not encrypted at rest"
}

unknown contains result.unknown(db, "transparent_data_encryption_enabled") if {
	some db in terraform.resources("azurerm_mssql_database")
	terraform.unknown(db, "transparent_data_encryption_enabled")
}
