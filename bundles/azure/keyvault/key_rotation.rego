# METADATA
# title: Key Vault keys rotate automatically
# description: >-
#   A key that is only rotated by hand tends not to be rotated at all, and
#   every version stays in use for longer than planned. An automatic rotation
#   policy creates a new key version on schedule, which services such as
#   Storage and managed disks pick up without a change on their side.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key
# custom:
#   id: TNT-AZ-KV-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault_key]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.8"]
#     cis-azure-3.0.0: ["3.3.8"]
#     nist-800-53-r5: ["SC-12", "SC-12(2)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.6.1", "3.7.4"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Add rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P90D" } (or automatic { time_after_creation = ... }) to the key.
package tenet.azure.keyvault.key_rotation

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# rotation_policy (provider v3+) has no default: without an automatic block
# that sets time_after_creation or time_before_expiry, the key is never
# rotated by Key Vault.
_triggers := [
	"rotation_policy.0.automatic.0.time_after_creation",
	"rotation_policy.0.automatic.0.time_before_expiry",
]

deny contains result.fail_attr(r, "rotation_policy.automatic", msg) if {
	some r in terraform.resources("azurerm_key_vault_key")
	not _rotates(r)
	not _undecided(r)
	msg := "rotation_policy.automatic sets neither time_after_creation nor time_before_expiry: the key is not rotated automatically"
}

# A trigger set through a local may be null: unknown until apply.
unknown contains result.unknown(r, replace(path, ".0.", ".")) if {
	some r in terraform.resources("azurerm_key_vault_key")
	not _rotates(r)
	some path in _triggers
	compute.presence_unknown(r, path)
}

_rotates(r) if {
	some path in _triggers
	terraform.get(r, path, null) != null
}

_rotates(r) if {
	some path in _triggers
	compute.from_resource(r, path)
}

_undecided(r) if {
	some path in _triggers
	compute.presence_unknown(r, path)
}
