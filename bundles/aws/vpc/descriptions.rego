# METADATA
# title: Security groups and their rules say what they are for
# description: >-
#   A description on a security group and on each of its rules tells a
#   reviewer why a port is open and who asked for it, so that a rule nobody
#   needs any more can be found and removed. Terraform's default group
#   description, "Managed by Terraform", says nothing of the kind.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#description
# custom:
#   id: TNT-AWS-VPC-010
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-8", "SC-7"]
#     soc2-2017: ["CC6.6", "CC8.1"]
#     pci-dss-4.0: ["1.2.5"]
#   remediation: Set description on the security group (something other than "Managed by Terraform") and on every ingress and egress rule, saying what the access is for.
package tenet.aws.vpc.descriptions

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

_default := "Managed by Terraform"

deny contains result.fail_attr(sg, "description", msg) if {
	some sg in terraform.resources("aws_security_group")
	d := terraform.get(sg, "description", _default)
	_empty(d)
	not terraform.unknown(sg, "description")
	msg := sprintf("the security group's description is %q: it does not say what the group is for", [d])
}

deny contains result.fail_attr(sg, sprintf("%s.%d", [kind, i]), sprintf("%s rule %d has no description", [kind, i])) if {
	some sg in terraform.resources("aws_security_group")
	some kind in ["ingress", "egress"]
	some i, block in _blocks(terraform.get(sg, kind, []))
	_empty(object.get(block, "description", ""))
	not terraform.unknown(sg, sprintf("%s.%d.description", [kind, i]))
}

deny contains result.fail_attr(r, "description", "the rule has no description") if {
	some type in _rule_types
	some r in terraform.resources(type)
	_empty(terraform.get(r, "description", ""))
	not terraform.unknown(r, "description")
}

unknown contains result.unknown(sg, "description") if {
	some sg in terraform.resources("aws_security_group")
	terraform.unknown(sg, "description")
}

unknown contains result.unknown(r, "description") if {
	some type in _rule_types
	some r in terraform.resources(type)
	terraform.unknown(r, "description")
}

_empty(d) if d == null

_empty(d) if trim_space(d) in {"", _default}

_blocks(x) := x if is_array(x)

else := []
