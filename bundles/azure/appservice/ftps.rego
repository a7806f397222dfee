# METADATA
# title: App Service apps do not accept plain FTP deployments
# description: >-
#   Plain FTP sends deployment credentials and code in clear text. Allowing
#   only FTPS, or turning FTP off, keeps deployments on encrypted channels.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
# custom:
#   id: TNT-AZ-APP-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.10"]
#     cis-azure-3.0.0: ["9.3"]
#     nist-800-53-r5: ["CM-7", "SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set site_config.ftps_state = "Disabled" (or "FtpsOnly" if FTP deployment is needed).
package tenet.azure.appservice.ftps

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "site_config.ftps_state"

_path := "site_config.0.ftps_state"

deny contains result.fail_attr(app, _attr, msg) if {
	some app in azure.apps
	terraform.get(app, _path, null) == "AllAllowed"
	msg := "site_config.ftps_state is AllAllowed: deployments may use plain FTP"
}

# The v3+ types default ftps_state to Disabled. On the v2 types it is
# computed and Azure's default allows plain FTP: a site_config without it,
# or wholly unknown (computed, not declared), fails; a value known only
# after apply inside a declared site_config is undecided.
deny contains result.fail_attr(app, _attr, msg) if {
	some app in azure.apps
	app.type in azure.legacy_app_types
	terraform.get(app, _path, "") == ""
	not _undecided(app)
	msg := "site_config.ftps_state is not set: Azure's default allows plain FTP"
}

unknown contains result.unknown(app, _attr) if {
	some app in azure.apps
	_undecided(app)
}

_undecided(app) if {
	count(azure.block(app, "site_config")) > 0
	terraform.unknown(app, _path)
}

# A site_config set through a dynamic block or a local.
_undecided(app) if {
	count(azure.block(app, "site_config")) == 0
	compute.set_unknown(app, "site_config")
}
