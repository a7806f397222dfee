# METADATA
# title: Key Vault keys have an expiration date
# description: >-
#   A key that never expires stays usable forever, even after it has leaked
#   or the people who handled it have left. An expiry date forces rotation
#   and bounds the damage of a compromise.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key
# custom:
#   id: TNT-AZ-KV-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault_key]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.1", "8.2"]
#     cis-azure-3.0.0: ["3.3.1", "3.3.2"]
#     nist-800-53-r5: ["SC-12", "SC-12(2)", "SC-28(3)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.6.1", "3.7.4"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set expiration_date on the key, or a rotation_policy with expire_after.
package tenet.azure.keyvault.key_expiration

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, "expiration_date", msg) if {
	some r in terraform.resources("azurerm_key_vault_key")
	not terraform.present(r, "expiration_date")
	not _expires_by_policy(r)
	msg := "expiration_date is not set: the key never expires"
}

unknown contains result.unknown(r, "expiration_date") if {
	some r in terraform.resources("azurerm_key_vault_key")
	terraform.unknown(r, "expiration_date")
}

# A rotation policy with expire_after sets the expiry of every version.
# An expiry through a local may be empty: unknown until apply, when the key
# has no expiration_date of its own.
unknown contains result.unknown(r, "rotation_policy.expire_after") if {
	some r in terraform.resources("azurerm_key_vault_key")
	not terraform.present(r, "expiration_date")
	compute.presence_unknown(r, "rotation_policy.0.expire_after")
}

_expires_by_policy(r) if terraform.get(r, "rotation_policy.0.expire_after", null) != null

_expires_by_policy(r) if compute.from_resource(r, "rotation_policy.0.expire_after")

_expires_by_policy(r) if compute.presence_unknown(r, "rotation_policy.0.expire_after")
