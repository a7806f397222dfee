# METADATA
# title: Activity log alerts fire on security-relevant control-plane changes
# description: >-
#   Changes to policy assignments, network security groups, security
#   solutions, SQL firewall rules and public IPs can open a path for an
#   attacker. An alert routed to an action group makes sure someone sees them
#   when they happen.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_activity_log_alert
# custom:
#   id: TNT-AZ-MON-001
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_monitor_activity_log_alert]
#   controls:
#     cis-azure-2.0.0: ["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6", "5.2.7", "5.2.8", "5.2.9", "5.2.10"]
#     cis-azure-3.0.0: ["6.2.1", "6.2.2", "6.2.3", "6.2.4", "6.2.5", "6.2.6", "6.2.7", "6.2.8", "6.2.9", "6.2.10"]
#     nist-800-53-r5: ["AU-6", "SI-4"]
#     soc2-2017: ["CC7.2", "CC7.3"]
#     pci-dss-4.0: ["10.4.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 33(1)"]
#   remediation: Add an enabled azurerm_monitor_activity_log_alert with an action block for each missing operation_name.
package tenet.azure.monitor.activity_log_alerts

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# The operations the catalog lists; not yet a rule parameter.
_operations := [
	"Microsoft.Authorization/policyAssignments/write",
	"Microsoft.Authorization/policyAssignments/delete",
	"Microsoft.Network/networkSecurityGroups/write",
	"Microsoft.Network/networkSecurityGroups/delete",
	"Microsoft.Security/securitySolutions/write",
	"Microsoft.Security/securitySolutions/delete",
	"Microsoft.Sql/servers/firewallRules/write",
	"Microsoft.Sql/servers/firewallRules/delete",
	"Microsoft.Network/publicIPAddresses/write",
	"Microsoft.Network/publicIPAddresses/delete",
]

_alerts := terraform.resources("azurerm_monitor_activity_log_alert")

# The subscription-level gap has no resource of its own: findings point at
# the first alert of the input (none when the input has no alert, so the
# rule is not applicable there).
_anchor := {"address": addresses[0]} if {
	addresses := sort([a.address | some a in _alerts])
}

deny contains result.fail(_anchor, msg) if {
	some op in _operations
	not _covered(op)
	not _undecided
	msg := sprintf("no enabled activity log alert with an action group fires on %s", [op])
}

unknown contains result.unknown_msg(_anchor, "", msg) if {
	some op in _operations
	not _covered(op)
	_undecided
	msg := sprintf("whether an activity log alert fires on %s is unknown until apply", [op])
}

_covered(op) if {
	some a in _alerts
	terraform.get(a, "enabled", true) == true
	count(azure.block(a, "action")) > 0
	some c in azure.block(a, "criteria")
	lower(object.get(c, "operation_name", "")) == lower(op)
}

# An unknown action_group_id is fine (never null); what decides is unknown
# when enabled, the operation or the whole action block is.
_undecided if {
	some a in _alerts
	terraform.any_unknown(a, ["enabled", "criteria.0.operation_name"])
}

_undecided if {
	some a in _alerts
	"action" in terraform.unknown_paths(a)
}
