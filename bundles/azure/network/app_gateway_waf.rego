# METADATA
# title: Application Gateways block attacks with a web application firewall
# description: >-
#   A gateway without a WAF in prevention mode passes injection and other
#   common web attacks straight to the application. Detection mode only logs
#   them.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/application_gateway
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/web_application_firewall_policy
# custom:
#   id: TNT-AZ-NET-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_application_gateway]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-7", "SI-4"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["6.4.2"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Attach an azurerm_web_application_firewall_policy in Prevention mode through firewall_policy_id (or enable waf_configuration with firewall_mode Prevention).
package tenet.azure.network.app_gateway_waf

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_policy_type := "azurerm_web_application_firewall_policy"

# A firewall_policy_id, known or not, takes precedence over waf_configuration.
deny contains result.fail(gw, msg) if {
	some gw in terraform.resources("azurerm_application_gateway")
	not terraform.present(gw, "firewall_policy_id")
	count(azure.block(gw, "waf_configuration")) == 0
	not terraform.unknown(gw, "waf_configuration")
	msg := "neither firewall_policy_id nor waf_configuration is set: no web application firewall"
}

deny contains result.fail_attr(gw, path, msg) if {
	some gw in terraform.resources("azurerm_application_gateway")
	not terraform.present(gw, "firewall_policy_id")
	some [path, msg] in _inline_problems(gw)
}

deny contains result.fail(gw, msg) if {
	some gw in terraform.resources("azurerm_application_gateway")
	some policy in terraform.referenced(gw, _policy_type, "firewall_policy_id")
	some [attr, problem] in _policy_problems(policy)
	msg := sprintf("%s of %s %s", [attr, policy.address, problem])
}

unknown contains result.unknown(gw, path) if {
	some gw in terraform.resources("azurerm_application_gateway")
	not terraform.present(gw, "firewall_policy_id")
	some path in ["waf_configuration.enabled", "waf_configuration.firewall_mode"]
	count(azure.block(gw, "waf_configuration")) > 0
	terraform.unknown(gw, path)
}

unknown contains result.unknown_via(gw, policy, path) if {
	some gw in terraform.resources("azurerm_application_gateway")
	some policy in terraform.referenced(gw, _policy_type, "firewall_policy_id")
	some path in ["policy_settings.enabled", "policy_settings.mode"]
	terraform.unknown(policy, path)
}

# A policy id through a local or each.value, with no reference to follow,
# and no inline firewall known to work instead.
unknown contains result.unknown(gw, "firewall_policy_id") if {
	some gw in terraform.resources("azurerm_application_gateway")
	compute.presence_unknown(gw, "firewall_policy_id")
	not terraform.get(gw, "waf_configuration.0.enabled", false) == true
}

# A waf_configuration the plan cannot show (set through a dynamic block or
# a local, or computed).
unknown contains result.unknown(gw, "waf_configuration") if {
	some gw in terraform.resources("azurerm_application_gateway")
	not terraform.present(gw, "firewall_policy_id")
	count(azure.block(gw, "waf_configuration")) == 0
	terraform.unknown(gw, "waf_configuration")
}

_inline_problems(gw) := {["waf_configuration.enabled", "waf_configuration.enabled is false: no web application firewall"] |
	terraform.get(gw, "waf_configuration.0.enabled", null) == false
} | {["waf_configuration.firewall_mode", "waf_configuration.firewall_mode is Detection: attacks are logged, not blocked"] |
	terraform.get(gw, "waf_configuration.0.enabled", null) == true
	terraform.get(gw, "waf_configuration.0.firewall_mode", null) == "Detection"
}

# policy_settings defaults to enabled, mode Prevention.
_policy_problems(policy) := {["policy_settings.enabled", "is false: the firewall is off"] |
	terraform.get(policy, "policy_settings.0.enabled", true) == false
} | {["policy_settings.mode", "is Detection: attacks are logged, not blocked"] |
	terraform.get(policy, "policy_settings.0.mode", "Prevention") == "Detection"
}
