# METADATA
# title: Container registries have the admin user disabled
# description: >-
#   The admin user is a single shared account with push and pull rights on
#   the whole registry, authenticated by a static password. It leaves no
#   trace of which person or pipeline acted, cannot be scoped or required to
#   use MFA, and stays valid wherever it has been copied. Entra ID identities,
#   service principals or scoped tokens replace it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry
# custom:
#   id: TNT-AZ-ACR-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_container_registry]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-2", "AC-6", "IA-2", "IA-5"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.2.1", "8.2.2"]
#     hipaa: ["164.312(a)(2)(i)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set admin_enabled = false (the default) on the registry and give pushers and pullers Entra ID identities with AcrPush/AcrPull role assignments.
package tenet.azure.containerregistry.admin_user

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The provider's default is false (v2 to v4): only true fails.
deny contains result.fail_attr(r, "admin_enabled", msg) if {
	some r in terraform.resources("azurerm_container_registry")
	terraform.get(r, "admin_enabled", false) == true
	msg := "admin_enabled is true: a shared admin account with a static password can push and pull every image"
}

unknown contains result.unknown(r, "admin_enabled") if {
	some r in terraform.resources("azurerm_container_registry")
	terraform.unknown(r, "admin_enabled")
}
