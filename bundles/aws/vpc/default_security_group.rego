# METADATA
# title: Default security groups allow no traffic
# description: >-
#   Resources launched without an explicit group land in the VPC's default
#   security group, so any rule on it applies to things nobody chose to expose.
#   An empty default group forces every workload to use a purpose-made group.
#   Every VPC of the input (aws_vpc, and the default VPC once managed with
#   aws_default_vpc) needs its default group managed by an
#   aws_default_security_group: left alone, AWS creates it allowing all
#   outbound traffic and all traffic between its members.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
# custom:
#   id: TNT-AWS-VPC-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_default_security_group, aws_vpc, aws_default_vpc]
#   controls:
#     cis-aws-3.0.0: ["5.4"]
#     cis-aws-1.5.0: ["5.4"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Manage each VPC's default group with an aws_default_security_group
#     (vpc_id = the VPC's id; without vpc_id it is the default VPC's) that
#     declares no ingress or egress blocks, and attach no rule resources to it.
package tenet.aws.vpc.default_security_group

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

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

# A VPC whose default group no aws_default_security_group of the input
# manages keeps the group AWS creates: an allow-all egress rule and an
# ingress rule admitting the group's own members. The group is found through
# vpc_id: by reference in a plan, by value in state.
deny contains result.fail(vpc, _unmanaged_msg) if {
	some vpc in _vpcs
	not _managed(vpc)
	count(_unjoinable) == 0
}

# A default group whose vpc_id is unknown until apply and points at no VPC of
# the input (a data source, a resource's attribute) may manage any of them.
unknown contains result.unknown_via(vpc, sg, "vpc_id") if {
	some vpc in _vpcs
	not _managed(vpc)
	some sg in _unjoinable
}

_unmanaged_msg := "no aws_default_security_group manages the VPC's default security group, which AWS creates allowing all outbound traffic and all traffic between its members"

_vpcs := array.concat(terraform.resources("aws_vpc"), terraform.resources("aws_default_vpc"))

_managed(vpc) if {
	some _ in terraform.referencing(vpc, "aws_default_security_group", "vpc_id")
}

# Left out, vpc_id selects the default VPC.
_managed(vpc) if {
	vpc.type == "aws_default_vpc"
	_default_vpc_managed
}

# The same for every default VPC: a complete rule, computed once per query
# rather than a scan of the default groups per VPC.
_default_vpc_managed if {
	some sg in terraform.resources("aws_default_security_group")
	_default_vpc_group(sg)
}

# (In state vpc_id is always recorded, and joins by value.)
_default_vpc_group(sg) if compute.unset(sg, "vpc_id")

_unjoinable contains sg if {
	some sg in terraform.resources("aws_default_security_group")
	compute.set_unknown(sg, "vpc_id")
	not _points_at_vpc(sg)
}

_points_at_vpc(sg) if {
	some target in sg.refs.vpc_id
	target in _vpc_addresses
}

# Built once per query: a scan of the VPCs per default group grows as
# groups × VPCs.
_vpc_addresses := {vpc.config_address | some vpc in _vpcs}
