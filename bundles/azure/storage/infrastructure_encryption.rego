# METADATA
# title: Storage accounts encrypt data twice, at the service and infrastructure levels
# description: >-
#   Azure Storage encrypts every account at the service level. Infrastructure
#   encryption adds a second, independent layer with another key and
#   algorithm, so data stays protected if one layer's key or implementation
#   is compromised. It can only be turned on when the account is created.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-007
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.2"]
#     cis-azure-3.0.0: ["4.2"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set infrastructure_encryption_enabled = true on the storage account (it forces a new account; migrate the data).
package tenet.azure.storage.infrastructure_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The provider's default is false (every version that has the attribute;
# state written by older providers lacks it, and those accounts have no
# infrastructure encryption either), so an absent value fails.
deny contains result.fail_attr(sa, "infrastructure_encryption_enabled", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	not terraform.is_true(sa, "infrastructure_encryption_enabled")
	not terraform.unknown(sa, "infrastructure_encryption_enabled")
	msg := "infrastructure_encryption_enabled is not true: data at rest has a single layer of encryption"
}

unknown contains result.unknown(sa, "infrastructure_encryption_enabled") if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.unknown(sa, "infrastructure_encryption_enabled")
}
