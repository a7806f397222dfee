# METADATA
# title: Security groups do not admit RDP from the whole internet
# description: >-
#   A Remote Desktop port open to 0.0.0.0/0 or ::/0 is found by
#   internet-wide scanners within minutes and invites password spraying and
#   exploits of the RDP service.
#   Reach instances through a bastion, a VPN or Session Manager instead.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group
# custom:
#   id: TNT-AWS-VPC-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["5.2", "5.3"]
#     cis-aws-1.5.0: ["5.2", "5.3"]
#     nist-800-53-r5: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Restrict the rule's CIDRs for port 3389 to known administrative networks,
#     or remove it and use Session Manager or a VPN.
package tenet.aws.vpc.rdp_from_internet

import rego.v1

import data.tenet.lib.network
import data.tenet.lib.result

deny contains result.fail_attr(rule.resource, rule.attribute, "ingress admits RDP (port 3389) from the whole internet") if {
	some rule in network.ingress_rules
	network.exposes(rule, 3389, {"tcp", "udp"})
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in network.ingress_rules
	network.may_expose(rule, 3389, {"tcp", "udp"})
	msg := sprintf("whether ingress admits RDP from the internet is unknown until apply (unknown: %s)", [concat(", ", sort(rule.unknown_attributes))])
}
