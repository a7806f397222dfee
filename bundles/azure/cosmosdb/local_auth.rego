# METADATA
# title: Cosmos DB accounts use Microsoft Entra ID instead of keys
# description: >-
#   With local authentication on, anyone holding an account key or a token
#   derived from it has full data access, with no identity to audit, revoke
#   or protect with MFA. Disabling it makes every client authenticate with
#   Microsoft Entra ID and be authorized by Azure RBAC.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account
# custom:
#   id: TNT-AZ-COS-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_cosmosdb_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.5.3"]
#     cis-azure-3.0.0: ["5.4.3"]
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "8.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Grant clients Cosmos DB data-plane roles through Microsoft Entra ID, then set local_authentication_disabled = true on the account.
package tenet.azure.cosmosdb.local_auth

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "azurerm_cosmosdb_account"

# local_authentication_disabled defaults to false: keys work unless the
# account turns them off.
deny contains result.fail_attr(a, "local_authentication_disabled", msg) if {
	some a in terraform.resources(_type)
	not terraform.is_true(a, "local_authentication_disabled")
	not terraform.unknown(a, "local_authentication_disabled")
	msg := "local_authentication_disabled is not true: clients can authenticate with account keys instead of Microsoft Entra ID"
}

unknown contains result.unknown(a, "local_authentication_disabled") if {
	some a in terraform.resources(_type)
	terraform.unknown(a, "local_authentication_disabled")
}
