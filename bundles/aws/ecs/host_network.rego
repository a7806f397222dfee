# METADATA
# title: ECS task definitions do not share the host's network or process namespace
# description: >-
#   In host network mode a task's containers use the instance's network
#   stack: they reach the instance metadata service and every port bound on
#   the host, and no security group separates them from other tasks. With
#   pid_mode host they see, and may signal, every process of the instance.
#   An aws_ecs_task_definition fails when network_mode or pid_mode is
#   host. Values unknown until apply are reported unknown. Security Hub
#   controls ECS.1 (host mode) and ECS.3 (host process namespace).
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#network_mode
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-1
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-3
# custom:
#   id: TNT-AWS-ECS-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecs_task_definition]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Use network_mode = "awsvpc" (or "bridge") and leave pid_mode unset or "task".
package tenet.aws.ecs.host_network

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_what := {"network_mode": "the host's network stack", "pid_mode": "the host's process namespace"}

deny contains result.fail_attr(t, attr, sprintf("%s is host: containers share %s", [attr, what])) if {
	some t in terraform.resources("aws_ecs_task_definition")
	some attr, what in _what
	terraform.get(t, attr, "") == "host"
}

unknown contains result.unknown(t, attr) if {
	some t in terraform.resources("aws_ecs_task_definition")
	some attr, _ in _what
	terraform.unknown(t, attr)
}
