# METADATA
# title: App Service apps use HTTP/2
# description: >-
#   HTTP/2 is the current version of the protocol App Service offers, with
#   fixes for the head-of-line blocking and header handling of HTTP/1.1.
#   Staying on the latest version keeps the app on the protocol the platform
#   maintains and improves.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_service
# custom:
#   id: TNT-AZ-APP-007
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.9"]
#     cis-azure-3.0.0: ["9.10"]
#     nist-800-53-r5: ["CM-6", "SI-2"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set site_config.http2_enabled = true on the web or function app.
package tenet.azure.appservice.http2

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "site_config.http2_enabled"

_path := "site_config.0.http2_enabled"

# http2_enabled defaults to false on every app type. A site_config left out
# of a v2 app, or wholly unknown there (computed, not declared), keeps the
# default and fails.
deny contains result.fail_attr(app, _attr, msg) if {
	some app in azure.apps
	not terraform.is_true(app, _path)
	not _undecided(app)
	msg := "site_config.http2_enabled is not true: the app serves HTTP/1.1 only"
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
