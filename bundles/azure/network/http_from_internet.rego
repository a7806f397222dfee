# METADATA
# title: Network security groups do not admit HTTP or HTTPS from the internet
# description: >-
#   A web port open to any address exposes whatever listens behind it to
#   scanning, brute force and exploits from the whole internet. Publish web
#   applications through Application Gateway, Front Door or a load balancer
#   with a WAF, or admit only known source ranges.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule
# custom:
#   id: TNT-AZ-NET-006
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["6.4"]
#     cis-azure-3.0.0: ["7.4"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Restrict source_address_prefix(es) of inbound Allow rules covering 80 or 443 to known ranges, or put the application behind Application Gateway or Front Door.
package tenet.azure.network.http_from_internet

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result

# HTTP and HTTPS listen on TCP 80 and 443; "*" in the protocol matches TCP.
_ports := {80: "HTTP (port 80)", 443: "HTTPS (port 443)"}

_protocols := {"tcp"}

deny contains result.fail_attr(rule.resource, rule.attribute, msg) if {
	some rule in azure.nsg_rules
	open := _admitted(rule)
	count(open) > 0
	msg := sprintf("%s allows %s from the internet", [azure.rule_label(rule), concat(" and ", open)])
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in azure.nsg_rules
	count(_admitted(rule)) == 0
	maybe := [name |
		some port, name in _ports
		azure.may_admit(rule, port, _protocols)
	]
	count(maybe) > 0
	msg := sprintf("%s may allow %s from the internet: %s unknown until apply", [azure.rule_label(rule), concat(" and ", maybe), concat(", ", sort(rule.unknown))])
}

_admitted(rule) := [name |
	some port, name in _ports
	azure.admits(rule, port, _protocols)
]
