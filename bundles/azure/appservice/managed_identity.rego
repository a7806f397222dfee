# METADATA
# title: App Service apps have a managed identity
# description: >-
#   A managed identity lets the app authenticate to Key Vault, SQL, Storage
#   and other Azure services with tokens from Microsoft Entra ID instead of
#   passwords and keys kept in connection strings and app settings, which
#   leak through source control, logs and deployment credentials.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_service
# custom:
#   id: TNT-AZ-APP-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.5"]
#     cis-azure-3.0.0: ["9.5"]
#     nist-800-53-r5: ["IA-5", "IA-9"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add an identity block with type = "SystemAssigned" (or "UserAssigned" with identity_ids) to the web or function app.
package tenet.azure.appservice.managed_identity

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_type := "identity.0.type"

# An app has no managed identity unless it declares an identity block.
deny contains result.fail_attr(app, "identity", msg) if {
	some app in azure.apps
	count(azure.block(app, "identity")) == 0
	not compute.set_unknown(app, "identity")
	msg := "no identity block: the app has no managed identity and needs stored credentials to reach other services"
}

deny contains result.fail_attr(app, "identity.type", msg) if {
	some app in azure.apps
	count(azure.block(app, "identity")) > 0
	terraform.get(app, _type, "") == ""
	not terraform.unknown(app, _type)
	msg := "identity.type is not set: the app has no managed identity"
}

unknown contains result.unknown(app, "identity.type") if {
	some app in azure.apps
	count(azure.block(app, "identity")) > 0
	terraform.unknown(app, _type)
}

# An identity block set through a dynamic block or a local.
unknown contains result.unknown(app, "identity") if {
	some app in azure.apps
	count(azure.block(app, "identity")) == 0
	compute.set_unknown(app, "identity")
}
