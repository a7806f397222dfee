# METADATA
# title: Security groups do not allow all traffic out to the whole internet
# description: >-
#   An egress rule for every protocol and port to 0.0.0.0/0 or ::/0 lets a
#   compromised instance reach any host: to download tools, to call its
#   command server, and to send data out. Egress limited to the ports and
#   destinations a workload needs (package mirrors, VPC endpoints, a proxy)
#   closes that path. Terraform removes the permissive default egress rule of
#   the groups it creates, so such a rule is always one written on purpose.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#egress
# custom:
#   id: TNT-AWS-VPC-009
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.3.2", "1.4.4"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Replace the rule with egress limited to the ports and destinations the workload needs (for example 443 to a prefix list or a VPC endpoint's security group).
package tenet.aws.vpc.egress_to_internet

import rego.v1

import data.tenet.lib.network
import data.tenet.lib.result

deny contains result.fail_attr(rule.resource, rule.attribute, "egress allows all protocols and ports to the whole internet") if {
	some rule in network.egress_rules
	network.wide_open(rule)
}

unknown contains result.unknown_msg(rule.resource, rule.attribute, msg) if {
	some rule in network.egress_rules
	network.may_be_wide_open(rule)
	msg := sprintf("whether egress allows all traffic to the internet is unknown until apply (unknown: %s)", [concat(", ", sort(rule.unknown_attributes))])
}
