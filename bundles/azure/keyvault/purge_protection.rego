# METADATA
# title: Key vaults are protected against purge
# description: >-
#   Without purge protection a deleted vault or key can be destroyed for good
#   during the soft-delete window, by mistake or by an attacker, taking with
#   it everything encrypted under those keys.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
# custom:
#   id: TNT-AZ-KV-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.5"]
#     cis-azure-3.0.0: ["3.3.5"]
#     nist-800-53-r5: ["CM-3", "CP-9", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set purge_protection_enabled = true on the key vault.
package tenet.azure.keyvault.purge_protection

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Soft delete is always on, and the provider only accepts
# soft_delete_retention_days from 7 to 90, so that half of the catalog
# condition cannot fail and is not checked.
deny contains result.fail_attr(kv, "purge_protection_enabled", msg) if {
	some kv in terraform.resources("azurerm_key_vault")
	not terraform.is_true(kv, "purge_protection_enabled")
	not terraform.unknown(kv, "purge_protection_enabled")
	msg := "purge_protection_enabled is not true: deleted keys and secrets can be purged before the retention period ends"
}

unknown contains result.unknown(kv, "purge_protection_enabled") if {
	some kv in terraform.resources("azurerm_key_vault")
	terraform.unknown(kv, "purge_protection_enabled")
}
