# METADATA
# title: App Service apps require authentication
# description: >-
#   Without App Service Authentication every anonymous request reaches the
#   application code, which must then get sign-in, token validation and
#   session handling right on its own. With it on, the platform signs users
#   in through an identity provider before a request reaches the app.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_service
# custom:
#   id: TNT-AZ-APP-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.1"]
#     cis-azure-3.0.0: ["9.2"]
#     nist-800-53-r5: ["AC-3", "IA-2", "IA-8"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.2.1", "8.3.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Add an auth_settings_v2 block with auth_enabled = true and an identity provider (auth_settings with enabled = true on azurerm_app_service and azurerm_function_app).
package tenet.azure.appservice.authentication

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_v1 := "auth_settings.0.enabled"

_v2 := "auth_settings_v2.0.auth_enabled"

# Authentication is off unless a block turns it on: without auth_settings
# or auth_settings_v2 the app has none, and auth_settings_v2.auth_enabled
# defaults to false. auth_settings_v2 exists on the v3+ types only.
deny contains result.fail_attr(app, _attr(app), msg) if {
	some app in azure.apps
	not _enabled(app)
	not _undecided(app)
	msg := _msg(app)
}

unknown contains result.unknown(app, replace(path, ".0.", ".")) if {
	some app in azure.apps
	not _enabled(app)
	some [block, path] in [["auth_settings", _v1], ["auth_settings_v2", _v2]]
	count(azure.block(app, block)) > 0
	terraform.unknown(app, path)
}

# An auth block set through a dynamic block or a local.
unknown contains result.unknown(app, block) if {
	some app in azure.apps
	not _enabled(app)
	some block in ["auth_settings", "auth_settings_v2"]
	count(azure.block(app, block)) == 0
	compute.set_unknown(app, block)
}

_enabled(app) if terraform.is_true(app, _v1)

_enabled(app) if terraform.is_true(app, _v2)

_undecided(app) if {
	some u in unknown
	u.resource == app.address
}

_attr(app) := "auth_settings.enabled" if {
	app.type in azure.legacy_app_types
} else := "auth_settings.enabled" if {
	count(azure.block(app, "auth_settings")) > 0
	count(azure.block(app, "auth_settings_v2")) == 0
} else := "auth_settings_v2.auth_enabled"

_msg(app) := "auth_settings.enabled is not true: anonymous requests reach the app" if {
	app.type in azure.legacy_app_types
} else := "neither auth_settings_v2.auth_enabled nor auth_settings.enabled is true: anonymous requests reach the app"
