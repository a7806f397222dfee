# METADATA
# title: Storage firewalls let trusted Azure services through
# description: >-
#   Azure Backup, Site Recovery, Monitor, Event Grid and other trusted
#   services reach storage accounts from networks that firewall rules cannot
#   list. An account whose network rules do not let them bypass the firewall
#   breaks backups and log delivery, which tempts operators to open the
#   firewall to every network instead.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules
# custom:
#   id: TNT-AZ-STG-009
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.9"]
#     cis-azure-3.0.0: ["4.8"]
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     soc2-2017: ["CC6.6"]
#   remediation: Add "AzureServices" to bypass in the account's network_rules block or its azurerm_storage_account_network_rules.
package tenet.azure.storage.trusted_services

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_separate := "azurerm_storage_account_network_rules"

# storage_account_id from provider v3; storage_account_name before.
_joins := ["storage_account_id", "storage_account_name"]

_bypass := "network_rules.0.bypass"

# Only declared network rules are judged (without them the account has no
# firewall to bypass; TNT-AZ-STG-004 fails it). bypass is Optional and
# Computed in the inline block and in the separate resource, and Azure's
# default is AzureServices: a bypass left out passes.
deny contains result.fail_attr(sa, "network_rules.bypass", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	some b in azure.block(sa, "network_rules")
	_excludes(object.get(b, "bypass", null))
	msg := sprintf("network_rules.bypass is [%s], without AzureServices: trusted Azure services cannot reach the account", [_text(b.bypass)])
}

deny contains result.fail(sa, msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	some e in azure.attached(sa, _separate, _joins)
	bypass := terraform.get(e, "bypass", null)
	_excludes(bypass)
	msg := sprintf("%s sets bypass to [%s], without AzureServices: trusted Azure services cannot reach the account", [e.address, _text(bypass)])
}

unknown contains result.unknown(sa, "network_rules.bypass") if {
	some sa in terraform.resources("azurerm_storage_account")
	count(azure.block(sa, "network_rules")) > 0
	compute.set_unknown(sa, _bypass)
}

# network_rules set through a dynamic block or a local.
unknown contains result.unknown(sa, "network_rules.bypass") if {
	some sa in terraform.resources("azurerm_storage_account")
	count(azure.block(sa, "network_rules")) == 0
	compute.set_unknown(sa, "network_rules")
}

unknown contains result.unknown_via(sa, e, "bypass") if {
	some sa in terraform.resources("azurerm_storage_account")
	some e in azure.attached(sa, _separate, _joins)
	compute.set_unknown(e, "bypass")
}

_excludes(bypass) if {
	is_array(bypass)
	not "AzureServices" in bypass
}

_text(bypass) := concat(", ", sort(bypass))
