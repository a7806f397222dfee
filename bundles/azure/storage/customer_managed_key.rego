# METADATA
# title: Storage accounts encrypt data with a customer-managed key
# description: >-
#   With Microsoft-managed keys the organisation cannot rotate, audit or
#   revoke the key that protects its data. A key in its own Key Vault puts
#   those controls, and the ability to cut off access, in its hands.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_customer_managed_key
# custom:
#   id: TNT-AZ-STG-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.12"]
#     cis-azure-3.0.0: ["4.11"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Add a customer_managed_key block to the account or an azurerm_storage_account_customer_managed_key that points at it.
package tenet.azure.storage.customer_managed_key

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_separate := "azurerm_storage_account_customer_managed_key"

# The catalog scopes this to accounts tagged as sensitive once rules take
# parameters; until then every account is judged (severity low).
deny contains result.fail_attr(sa, "customer_managed_key", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	count(azure.block(sa, "customer_managed_key")) == 0
	not terraform.unknown(sa, "customer_managed_key")
	count(azure.attached(sa, _separate, ["storage_account_id"])) == 0
	msg := "no customer_managed_key block or azurerm_storage_account_customer_managed_key: data is encrypted with a Microsoft-managed key"
}

unknown contains result.unknown(sa, "customer_managed_key") if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.unknown(sa, "customer_managed_key")
	count(azure.attached(sa, _separate, ["storage_account_id"])) == 0
}
