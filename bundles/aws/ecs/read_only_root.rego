# METADATA
# title: ECS containers run with a read-only root filesystem
# description: >-
#   A writable root filesystem lets an intruder replace binaries, plant
#   tools and persist changes for as long as the task runs; with a read-only
#   one, writes go only to volumes declared for them. An
#   aws_ecs_task_definition fails for each container of
#   container_definitions whose readonlyRootFilesystem is not true (the
#   default is false). Container definitions unknown until apply are
#   reported unknown. Security Hub control ECS.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#container_definitions
#   - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5
# custom:
#   id: TNT-AWS-ECS-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecs_task_definition]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Set readonlyRootFilesystem to true in each container definition and mount
#     volumes (or a tmpfs) for the paths the application writes.
package tenet.aws.ecs.read_only_root

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(t, "container_definitions", sprintf("container %s has a writable root filesystem (readonlyRootFilesystem is not true)", [_name(c, i)])) if {
	some t in terraform.resources("aws_ecs_task_definition")
	some i, c in _containers(t)
	object.get(c, "readonlyRootFilesystem", false) != true
}

unknown contains result.unknown(t, "container_definitions") if {
	some t in terraform.resources("aws_ecs_task_definition")
	terraform.unknown(t, "container_definitions")
}

_containers(t) := cs if {
	cs := json.unmarshal(terraform.get(t, "container_definitions", "[]"))
	is_array(cs)
} else := []

# Containers are named by name, else by position.
_name(c, i) := sprintf("%q", [c.name]) if {
	is_string(c.name)
} else := sprintf("%d", [i])
