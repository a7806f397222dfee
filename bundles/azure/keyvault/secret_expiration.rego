# METADATA
# title: Key Vault secrets have an expiration date
# description: >-
#   A secret that never expires stays valid long after it has been copied
#   into scripts, logs or laptops. An expiry date makes rotation a routine
#   instead of an emergency.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_secret
# custom:
#   id: TNT-AZ-KV-003
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault_secret]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.3", "8.4"]
#     cis-azure-3.0.0: ["3.3.3", "3.3.4"]
#     nist-800-53-r5: ["IA-5", "IA-5(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.9", "8.6.3"]
#     hipaa: ["164.308(a)(4)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set expiration_date on the secret and rotate it before that date.
package tenet.azure.keyvault.secret_expiration

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, "expiration_date", msg) if {
	some r in terraform.resources("azurerm_key_vault_secret")
	not terraform.present(r, "expiration_date")
	msg := "expiration_date is not set: the secret never expires"
}

unknown contains result.unknown(r, "expiration_date") if {
	some r in terraform.resources("azurerm_key_vault_secret")
	terraform.unknown(r, "expiration_date")
}
