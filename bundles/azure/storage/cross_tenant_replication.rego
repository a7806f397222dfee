# METADATA
# title: Storage accounts refuse object replication to other tenants
# description: >-
#   Cross-tenant replication lets an object replication policy copy blobs to
#   a storage account in another Entra ID tenant, outside the organization's
#   identities, policies and monitoring. Disabling it keeps replicated data
#   inside the tenant.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-010
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-3.0.0: ["4.16"]
#     nist-800-53-r5: ["AC-4", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set cross_tenant_replication_enabled = false on the storage account (the default from provider v4).
package tenet.azure.storage.cross_tenant_replication

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The provider's default is true before v4 and false from v4; either way
# the provider writes it into plans and state, so only the value is judged.
# An absent value (v2 state, before the attribute existed) decides nothing.
deny contains result.fail_attr(sa, "cross_tenant_replication_enabled", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.get(sa, "cross_tenant_replication_enabled", null) == true
	msg := "cross_tenant_replication_enabled is true: object replication may copy blobs to accounts in other tenants"
}

unknown contains result.unknown(sa, "cross_tenant_replication_enabled") if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.unknown(sa, "cross_tenant_replication_enabled")
}
