# METADATA
# title: App Service apps refuse TLS versions older than 1.2
# description: >-
#   TLS 1.0 and 1.1 are deprecated and have known weaknesses. An app that
#   still accepts them lets old or downgraded clients talk to it over a weak
#   channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
# custom:
#   id: TNT-AZ-APP-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.3"]
#     cis-azure-3.0.0: ["9.4"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set site_config.minimum_tls_version = "1.2" (min_tls_version on azurerm_app_service and azurerm_function_app).
package tenet.azure.appservice.min_tls

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(app, attr, msg) if {
	some app in azure.apps
	attr := _attr(app)
	version := terraform.get(app, _path(app), null)
	version in {"1.0", "1.1"}
	msg := sprintf("%s is %s: clients may connect with TLS older than 1.2", [attr, version])
}

# A wholly unknown site_config is computed (v2): Azure's default is 1.2.
unknown contains result.unknown(app, _attr(app)) if {
	some app in azure.apps
	count(azure.block(app, "site_config")) > 0
	terraform.unknown(app, _path(app))
}

# A site_config set through a dynamic block or a local.
unknown contains result.unknown(app, _attr(app)) if {
	some app in azure.apps
	count(azure.block(app, "site_config")) == 0
	compute.set_unknown(app, "site_config")
}

_path(app) := "site_config.0.min_tls_version" if {
	app.type in azure.legacy_app_types
} else := "site_config.0.minimum_tls_version"

_attr(app) := replace(_path(app), ".0.", ".")
