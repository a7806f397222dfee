# METADATA
# title: Key vaults authorize data access with Azure RBAC
# description: >-
#   Vault access policies grant keys, secrets and certificates permissions
#   vault-wide, live inside each vault and escape the role assignment reviews,
#   conditions and Privileged Identity Management of Azure RBAC. With RBAC
#   authorization, who can read a secret is a role assignment like any other,
#   scoped down to a single key or secret when needed.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
# custom:
#   id: TNT-AZ-KV-006
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.6"]
#     cis-azure-3.0.0: ["3.3.6"]
#     nist-800-53-r5: ["AC-2", "AC-3", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set rbac_authorization_enabled = true (enable_rbac_authorization on providers that predate the rename) on the key vault and grant access with azurerm_role_assignment instead of access policies.
package tenet.azure.keyvault.rbac_authorization

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# Provider v4 renamed enable_rbac_authorization (kept, deprecated, until
# v5); both default to false, so an absent value fails.
_names := ["rbac_authorization_enabled", "enable_rbac_authorization"]

deny contains result.fail_attr(kv, name, msg) if {
	some kv in terraform.resources("azurerm_key_vault")
	not _rbac(kv)
	not azure.unknown_setting(kv, _names)
	name := azure.setting_name(kv, _names)
	msg := sprintf("%s is not true: data access is authorized by vault access policies, not Azure RBAC", [name])
}

unknown contains result.unknown(kv, name) if {
	some kv in terraform.resources("azurerm_key_vault")
	name := azure.unknown_setting(kv, _names)
}

_rbac(kv) if azure.setting(kv, _names) == true
