# METADATA
# title: Auto Scaling groups span more than one Availability Zone
# description: >-
#   A group whose instances all live in one Availability Zone goes down with
#   that zone; spread over two or more, it keeps serving and replaces what it
#   lost in the zones that are left. The zones come from availability_zones or
#   from the subnets in vpc_zone_identifier: a group with a single subnet or a
#   single zone fails. Until the zones are known (a plan that creates the
#   group), several subnets are taken to be in several zones.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-2
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group#vpc_zone_identifier
# custom:
#   id: TNT-AWS-ASG-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_autoscaling_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-10", "CP-2(2)", "SC-5(2)", "SC-36"]
#     soc2-2017: ["A1.1", "A1.2"]
#   remediation: List subnets in at least two Availability Zones in vpc_zone_identifier (or at least two zones in availability_zones).
package tenet.aws.autoscaling.multi_az

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(g, attr, msg) if {
	some g in terraform.resources("aws_autoscaling_group")
	attr := _placement(g)
	count(terraform.get(g, attr, [])) == 1
	msg := sprintf("the group places its instances in a single %s", [_noun[attr]])
}

unknown contains result.unknown_msg(g, attr, "the subnets and zones of the group are unknown until apply") if {
	some g in terraform.resources("aws_autoscaling_group")
	not _placement(g)
	attr := _unknown_placement(g)
}

# The subnets, when unknown, are what the configuration set: a plan shows
# the zones of a group it creates as unknown whatever decides them.
_unknown_placement(g) := "vpc_zone_identifier" if {
	terraform.unknown(g, "vpc_zone_identifier")
} else := "availability_zones" if {
	terraform.unknown(g, "availability_zones")
}

_noun := {"vpc_zone_identifier": "subnet", "availability_zones": "Availability Zone"}

# The zones, once known, are the truth (state records the zones of the
# subnets); a plan that creates the group knows only the subnets. A list's
# length is known even when some of its entries are not.
_placement(g) := "availability_zones" if {
	count(terraform.get(g, "availability_zones", [])) > 0
	not terraform.unknown_within(g, "availability_zones")
} else := "vpc_zone_identifier" if {
	count(terraform.get(g, "vpc_zone_identifier", [])) > 0
}
