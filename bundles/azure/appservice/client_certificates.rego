# METADATA
# title: App Service apps require client certificates
# description: >-
#   With incoming client certificates required, only clients that present a
#   valid certificate complete the TLS handshake (mutual TLS), so a leaked
#   URL or token alone does not let a caller reach the app.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/app_service
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/function_app
# custom:
#   id: TNT-AZ-APP-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_app_service, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_function_app]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["9.4"]
#     nist-800-53-r5: ["IA-3", "IA-5(2)", "SC-8"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.1"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set client_certificate_enabled = true and client_certificate_mode = "Required" (client_cert_enabled = true on azurerm_app_service; client_cert_mode = "Required" on azurerm_function_app).
package tenet.azure.appservice.client_certificates

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# CIS Azure 3.0.0 dropped the client certificate recommendation (2.0.0 9.4):
# no 3.0.0 mapping.

# The flag that turns client certificates on: client_certificate_enabled on
# the v3+ types, client_cert_enabled on azurerm_app_service; both default to
# false. azurerm_function_app has no flag: a client_cert_mode turns them on.
_flag(app) := "client_cert_enabled" if {
	app.type == "azurerm_app_service"
} else := "client_certificate_enabled" if {
	not app.type in azure.legacy_app_types
}

# The mode: client_certificate_mode on the v3+ types, client_cert_mode on the
# v2 types. The v3+ types have a default (Required on web apps), which the
# provider writes into plans: only a value other than Required fails there.
_mode(app) := "client_cert_mode" if {
	app.type in azure.legacy_app_types
} else := "client_certificate_mode"

deny contains result.fail_attr(app, flag, msg) if {
	some app in azure.apps
	flag := _flag(app)
	not terraform.is_true(app, flag)
	not terraform.unknown(app, flag)
	msg := sprintf("%s is not true: clients connect without a certificate", [flag])
}

deny contains result.fail_attr(app, mode, msg) if {
	some app in azure.apps
	_on(app)
	mode := _mode(app)
	value := terraform.get(app, mode, "")
	not value in {"", "Required"}
	msg := sprintf("%s is %s: clients without a certificate are let in", [mode, value])
}

# azurerm_function_app asks for certificates only with a client_cert_mode.
deny contains result.fail_attr(app, "client_cert_mode", msg) if {
	some app in terraform.resources("azurerm_function_app")
	terraform.get(app, "client_cert_mode", "") == ""
	not terraform.unknown(app, "client_cert_mode")
	msg := "client_cert_mode is not set: the function app does not ask clients for a certificate"
}

unknown contains result.unknown(app, flag) if {
	some app in azure.apps
	flag := _flag(app)
	terraform.unknown(app, flag)
}

unknown contains result.unknown(app, mode) if {
	some app in azure.apps
	not _off(app)
	mode := _mode(app)
	terraform.unknown(app, mode)
}

# _on(app): certificates are on (or the app has no flag), so the mode decides.
_on(app) if terraform.is_true(app, _flag(app))

_on(app) if app.type == "azurerm_function_app"

_off(app) if {
	flag := _flag(app)
	not terraform.is_true(app, flag)
	not terraform.unknown(app, flag)
}
