# METADATA
# title: Storage accounts deny network access unless a rule allows it
# description: >-
#   With the default action Allow, every network on the internet can reach
#   the account's endpoints and only keys stand between them and the data.
#   Denying by default limits access to the networks and services listed in
#   the rules.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules
# custom:
#   id: TNT-AZ-STG-004
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.8"]
#     cis-azure-3.0.0: ["4.7"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set network_rules.default_action = "Deny" (inline or in an azurerm_storage_account_network_rules) and list the allowed networks, or set public_network_access_enabled = false.
package tenet.azure.storage.network_default_deny

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_separate := "azurerm_storage_account_network_rules"

# storage_account_id from provider v3; storage_account_name before.
_joins := ["storage_account_id", "storage_account_name"]

deny contains result.fail_attr(sa, "network_rules.default_action", msg) if {
	some sa in _open
	"Allow" in _actions(sa)
	msg := "network_rules.default_action is Allow: every network can reach the account"
}

deny contains result.fail_attr(sa, "network_rules", msg) if {
	some sa in _open
	count(_actions(sa)) == 0
	msg := "no network_rules (inline or azurerm_storage_account_network_rules): network access defaults to Allow"
}

unknown contains result.unknown(sa, "public_network_access_enabled") if {
	some sa in _candidates
	terraform.unknown(sa, "public_network_access_enabled")
}

unknown contains result.unknown(sa, "network_rules.default_action") if {
	some sa in _candidates
	count(azure.block(sa, "network_rules")) > 0
	terraform.unknown(sa, "network_rules.default_action")
}

# network_rules set through a dynamic block or a local.
unknown contains result.unknown(sa, "network_rules.default_action") if {
	some sa in _candidates
	count(azure.block(sa, "network_rules")) == 0
	compute.set_unknown(sa, "network_rules")
}

unknown contains result.unknown_via(sa, e, "default_action") if {
	some sa in _candidates
	some e in azure.attached(sa, _separate, _joins)
	terraform.unknown(e, "default_action")
}

# An inline block wholly unknown is computed by the provider (rules kept in
# the separate resource): it is not a declaration.
_actions(sa) := {a |
	some b in azure.block(sa, "network_rules")
	a := b.default_action
	is_string(a)
} | {a |
	some e in azure.attached(sa, _separate, _joins)
	a := terraform.get(e, "default_action", null)
	is_string(a)
}

_candidates contains sa if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.get(sa, "public_network_access_enabled", true) != false
	not "Deny" in _actions(sa)
}

_open contains sa if {
	some sa in _candidates
	not _undecided(sa)
}

_undecided(sa) if {
	some u in unknown
	u.resource == sa.address
}
