# METADATA
# title: Network security groups do not admit SSH from the internet
# description: >-
#   SSH open to any address invites constant password guessing and exploits
#   against the daemon. Reach it through Bastion, a VPN or a narrow
#   source range.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
# custom:
#   id: TNT-AZ-NET-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["6.2"]
#     cis-azure-3.0.0: ["7.2"]
#     nist-800-53-r5: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.2.5", "1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Restrict source_address_prefix(es) of inbound Allow rules covering port 22 to known ranges, or use Azure Bastion.
package tenet.azure.network.ssh_from_internet

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result

# SSH is TCP; an Icmp or Udp rule on port 22 does not expose it.
_port := 22

_protocols := {"tcp"}

deny contains result.fail_attr(rule.resource, rule.attribute, msg) if {
	some rule in azure.nsg_rules
	azure.admits(rule, _port, _protocols)
	msg := sprintf("%s allows SSH (port 22) from the internet", [azure.rule_label(rule)])
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in azure.nsg_rules
	azure.may_admit(rule, _port, _protocols)
	msg := sprintf("%s may allow SSH (port 22) from the internet: %s unknown until apply", [azure.rule_label(rule), concat(", ", sort(rule.unknown))])
}
