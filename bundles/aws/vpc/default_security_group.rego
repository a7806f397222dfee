# METADATA
# title: Default security groups allow no traffic
# description: >-
#   Resources launched without an explicit group land in the VPC's default
#   security group, so any rule on it applies to things nobody chose to expose.
#   An empty default group forces every workload to use a purpose-made group.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
# custom:
#   id: TNT-AWS-VPC-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_default_security_group]
#   controls:
#     cis-aws-3.0.0: ["5.4"]
#     cis-aws-1.5.0: ["5.4"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Manage the default group with aws_default_security_group, declare no
#     ingress or egress blocks in it and attach no rule resources to it.
package tenet.aws.vpc.default_security_group

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Only aws_default_security_group is judged: a VPC whose default group is not
# managed in the same input cannot be decided from it (AWS creates the group
# with an allow-all egress rule and a self-referencing ingress rule).
deny contains result.fail_attr(sg, attr, sprintf("the default security group declares %d %s rule(s)", [n, attr])) if {
	some sg in terraform.resources("aws_default_security_group")
	some attr in ["ingress", "egress"]
	n := count(terraform.get(sg, attr, []))
	n > 0
}

# Provider v5 rule resources can add rules to the default group too.
deny contains result.fail(sg, sprintf("%s adds a rule to the default security group", [rule.address])) if {
	some sg in terraform.resources("aws_default_security_group")
	some type in _rule_types
	some rule in terraform.referencing(sg, type, "security_group_id")
}

_rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

unknown contains result.unknown(sg, attr) if {
	some sg in terraform.resources("aws_default_security_group")
	some attr in ["ingress", "egress"]
	terraform.get(sg, attr, []) == []
	terraform.unknown(sg, attr)
}
