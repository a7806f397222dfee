# METADATA
# title: Container registries are not reachable from every network
# description: >-
#   A registry open to every network lets anyone on the internet who obtains
#   a token or password pull private images, with the secrets and code they
#   hold, or push poisoned ones. Disabling public network access, or denying
#   by default and allowing listed networks, keeps the registry to the
#   networks that deploy from it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry
# custom:
#   id: TNT-AZ-ACR-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_container_registry]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: On a Premium registry, set public_network_access_enabled = false and use private endpoints, or add network_rule_set { default_action = "Deny" } with ip_rule blocks for the allowed networks.
package tenet.azure.containerregistry.network_access

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Both defaults are open: public_network_access_enabled defaults to true
# (v3+; v2 registries are public), network_rule_set.default_action to
# Allow. network_rule_set is Optional and Computed (a wholly unknown block
# is not a declaration) and needs the Premium SKU, as disabling public
# network access does: Basic and Standard registries always fail.
_action := "network_rule_set.0.default_action"

deny contains result.fail_attr(r, "network_rule_set.default_action", msg) if {
	some r in _open
	"Allow" in _actions(r)
	msg := "network_rule_set.default_action is Allow and public network access is enabled: every network can reach the registry"
}

deny contains result.fail_attr(r, "network_rule_set", msg) if {
	some r in _open
	count(_actions(r)) == 0
	msg := "no network_rule_set and public network access is enabled: every network can reach the registry"
}

unknown contains result.unknown(r, "public_network_access_enabled") if {
	some r in _candidates
	terraform.unknown(r, "public_network_access_enabled")
}

unknown contains result.unknown(r, "network_rule_set.default_action") if {
	some r in _candidates
	count(azure.block(r, "network_rule_set")) > 0
	compute.set_unknown(r, _action)
}

# network_rule_set set through a dynamic block or a local.
unknown contains result.unknown(r, "network_rule_set.default_action") if {
	some r in _candidates
	count(azure.block(r, "network_rule_set")) == 0
	compute.set_unknown(r, "network_rule_set")
}

_actions(r) := {_default_action(b) | some b in azure.block(r, "network_rule_set")}

_default_action(b) := a if {
	a := b.default_action
	is_string(a)
} else := "Allow"

_candidates contains r if {
	some r in terraform.resources("azurerm_container_registry")
	terraform.get(r, "public_network_access_enabled", true) != false
	not "Deny" in _actions(r)
}

_open contains r if {
	some r in _candidates
	not _undecided(r)
}

_undecided(r) if {
	some u in unknown
	u.resource == r.address
}
