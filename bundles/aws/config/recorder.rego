# METADATA
# title: AWS Config records every supported resource type and delivers its history
# description: >-
#   AWS Config keeps the inventory and change history that audits and
#   investigations rely on. It only helps when the recorder covers every
#   resource type, is switched on, and has a delivery channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder
# custom:
#   id: TNT-AWS-CFG-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_config_configuration_recorder]
#   controls:
#     cis-aws-3.0.0: ["3.3"]
#     cis-aws-1.5.0: ["3.5"]
#     nist-800-53-r5: ["CA-7", "CM-3", "CM-8"]
#     soc2-2017: ["CC7.1", "CC8.1"]
#     pci-dss-4.0: ["10.2.1", "12.5.1"]
#     hipaa: ["164.308(a)(1)(ii)(D)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: >-
#     Keep recording_group all_supported = true, add an
#     aws_config_configuration_recorder_status with is_enabled = true and an
#     aws_config_delivery_channel.
package tenet.aws.config.recorder

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# all_supported defaults to true.
deny contains result.fail_attr(r, "recording_group.all_supported", "recording_group.all_supported is false: only some resource types are recorded") if {
	some r in terraform.resources("aws_config_configuration_recorder")
	false in terraform.values_at(r, "recording_group.all_supported")
}

deny contains result.fail(r, "no aws_config_configuration_recorder_status with is_enabled = true starts the recorder") if {
	some r in terraform.resources("aws_config_configuration_recorder")
	not _enabled(r)
	not _pending(r)
}

deny contains result.fail(r, "no aws_config_delivery_channel delivers the recorded configuration") if {
	some r in terraform.resources("aws_config_configuration_recorder")
	count(terraform.resources("aws_config_delivery_channel")) == 0
}

# Global resource types (IAM) should be recorded in one region only, which a
# single configuration cannot show; rules.csv fails false "in the region
# designated", so the rule only warns.
warn contains result.fail_attr(r, "recording_group.include_global_resource_types", "global resource types are not recorded; make sure one region records them") if {
	some r in terraform.resources("aws_config_configuration_recorder")
	not true in terraform.values_at(r, "recording_group.include_global_resource_types")
	not terraform.unknown(r, "recording_group.include_global_resource_types")
}

unknown contains result.unknown_via(r, s, "is_enabled") if {
	some r in terraform.resources("aws_config_configuration_recorder")
	not _enabled(r)
	some s in _statuses(r)
	terraform.unknown(s, "is_enabled")
}

_statuses(r) := terraform.referencing(r, "aws_config_configuration_recorder_status", "name")

_enabled(r) if {
	some s in _statuses(r)
	terraform.is_true(s, "is_enabled")
}

_pending(r) if {
	some s in _statuses(r)
	terraform.unknown(s, "is_enabled")
}
