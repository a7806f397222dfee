# METADATA
# title: Key vaults deny network access unless a rule allows it
# description: >-
#   A vault open to every network exposes its endpoint, and every leaked
#   token or credential for it, to the whole internet. Denying by default
#   limits access to listed networks and trusted services.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault
# custom:
#   id: TNT-AZ-KV-004
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_key_vault]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["8.7"]
#     cis-azure-3.0.0: ["3.3.7"]
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-7", "SC-12"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["1.3.1", "3.6.1", "7.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)", "Art. 32(1)(b)"]
#   remediation: Add network_acls { default_action = "Deny", bypass = "AzureServices" } with the allowed networks, or set public_network_access_enabled = false.
package tenet.azure.keyvault.network_default_deny

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(kv, "network_acls.default_action", msg) if {
	some kv in _public
	some acl in azure.block(kv, "network_acls")
	acl.default_action == "Allow"
	msg := "network_acls.default_action is Allow: every network can reach the vault"
}

# network_acls is computed: a block wholly unknown is not a declaration.
deny contains result.fail_attr(kv, "network_acls", msg) if {
	some kv in _public
	count(azure.block(kv, "network_acls")) == 0
	msg := "no network_acls block: network access to the vault defaults to Allow"
}

unknown contains result.unknown(kv, attr) if {
	some kv in terraform.resources("azurerm_key_vault")
	some attr in ["public_network_access_enabled", "network_acls.default_action"]
	_undecided(kv, attr)
}

_public contains kv if {
	some kv in terraform.resources("azurerm_key_vault")
	terraform.get(kv, "public_network_access_enabled", true) != false
	not _undecided(kv, "public_network_access_enabled")
	not _undecided(kv, "network_acls.default_action")
}

_undecided(kv, "public_network_access_enabled") if terraform.unknown(kv, "public_network_access_enabled")

_undecided(kv, "network_acls.default_action") if {
	count(azure.block(kv, "network_acls")) > 0
	terraform.unknown(kv, "network_acls.default_action")
}

# network_acls set through a dynamic block or a local.
_undecided(kv, "network_acls.default_action") if {
	count(azure.block(kv, "network_acls")) == 0
	compute.set_unknown(kv, "network_acls")
}
