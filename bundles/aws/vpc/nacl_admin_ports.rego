# METADATA
# title: Network ACLs do not allow SSH or RDP in from the whole internet
# description: >-
#   Network ACLs are the subnet-wide backstop behind security groups; an inbound
#   allow for the remote administration ports from anywhere removes that
#   backstop for every instance in the subnet.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl_rule
# custom:
#   id: TNT-AWS-VPC-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_network_acl, aws_network_acl_rule, aws_default_network_acl]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["5.1"]
#     cis-aws-1.5.0: ["5.1"]
#     nist-800-53-r5: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Limit inbound allow entries for ports 22 and 3389 to administrative CIDRs, or deny them explicitly.
package tenet.aws.vpc.nacl_admin_ports

import rego.v1

import data.tenet.lib.network
import data.tenet.lib.result

# SSH over TCP; RDP over TCP and UDP.
_ports := [[22, {"tcp"}], [3389, {"tcp", "udp"}]]

deny contains result.fail_attr(rule.resource, rule.attribute, msg) if {
	some rule in network.nacl_ingress_rules
	not rule.undecided
	exposed := [sprintf("%d", [port]) | some [port, _] in network.exposed_ports(rule, _ports)]
	count(exposed) > 0
	msg := sprintf("inbound allow entry admits port(s) %s from the whole internet", [concat(", ", exposed)])
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in network.nacl_ingress_rules
	count(network.exposed_ports(rule, _ports)) == 0
	count(network.may_expose_ports(rule, _ports)) > 0
	msg := sprintf("whether the entry admits SSH or RDP from the internet is unknown until apply (unknown: %s)", [concat(", ", sort(rule.unknown_attributes))])
}

# An entry whose direction or action is unknown that would admit the ports
# as an inbound allow entry.
unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in network.nacl_ingress_rules
	rule.undecided
	count(network.exposed_ports(rule, _ports)) > 0
	msg := sprintf("whether the entry admits SSH or RDP from the internet is unknown until apply (unknown: %s)", [concat(", ", sort(rule.unknown_attributes))])
}
