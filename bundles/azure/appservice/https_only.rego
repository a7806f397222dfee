# METADATA
# title: App Service apps redirect HTTP to HTTPS
# description: >-
#   An app reachable over plain HTTP sends cookies, tokens and form data in
#   clear text to anyone on the path. With HTTPS only, App Service redirects
#   every HTTP request to HTTPS.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
# custom:
#   id: TNT-AZ-APP-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.2"]
#     cis-azure-3.0.0: ["9.1"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set https_only = true on the web or function app.
package tenet.azure.appservice.https_only

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# https_only defaults to false on every app type.
deny contains result.fail_attr(app, "https_only", msg) if {
	some app in azure.apps
	not terraform.is_true(app, "https_only")
	not terraform.unknown(app, "https_only")
	msg := "https_only is not true: the app serves plain HTTP"
}

unknown contains result.unknown(app, "https_only") if {
	some app in azure.apps
	terraform.unknown(app, "https_only")
}
