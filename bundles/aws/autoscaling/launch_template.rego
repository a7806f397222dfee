# METADATA
# title: Auto Scaling groups launch from launch templates, not launch configurations
# description: >-
#   Launch configurations are deprecated: they cannot require IMDSv2 on every
#   instance type, take no new instance features, and cannot be versioned, so
#   a change replaces them and nothing records what the group ran before.
#   A launch template (directly or through a mixed instances policy) has
#   none of these limits.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/autoscaling-controls.html#autoscaling-9
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/launch-configurations.html
# custom:
#   id: TNT-AWS-ASG-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_autoscaling_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-2", "CM-3"]
#     soc2-2017: ["CC8.1"]
#   remediation: Replace launch_configuration with a launch_template block (or a mixed_instances_policy whose launch_template names one), and the aws_launch_configuration with an aws_launch_template.
package tenet.aws.autoscaling.launch_template

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(g, "launch_configuration", "the group launches from a launch configuration") if {
	some g in terraform.resources("aws_autoscaling_group")
	_launch_configuration(g)
	not _template(g)
}

unknown contains result.unknown(g, "launch_configuration") if {
	some g in terraform.resources("aws_autoscaling_group")
	terraform.unknown(g, "launch_configuration")
	not _launch_configuration(g)
	not _template(g)
}

# Plans write an absent name as "". A name unknown until apply is a launch
# configuration's when it refers to one: by its address (one in the same
# plan, or a data source), or to a launch configuration of the document (a
# template's logical id); through anything else it might still turn out
# empty.
_launch_configuration(g) if not terraform.get(g, "launch_configuration", "") == ""

_launch_configuration(g) if {
	terraform.unknown(g, "launch_configuration")
	some target in object.get(g, ["refs", "launch_configuration"], [])
	regex.match(`(^|\.)aws_launch_configuration\.`, target)
}

_launch_configuration(g) if {
	terraform.unknown(g, "launch_configuration")
	count(terraform.referenced(g, "aws_launch_configuration", "launch_configuration")) > 0
}

# Plans write an absent block as an empty list.
_template(g) if _set(g, "launch_template")

_template(g) if _set(g, "mixed_instances_policy")

_set(g, attr) if count(terraform.get(g, attr, [])) > 0

_set(g, attr) if terraform.unknown(g, attr)
