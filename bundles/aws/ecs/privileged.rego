# METADATA
# title: ECS containers do not run privileged
# description: >-
#   A privileged container has every capability and the devices of its
#   host: code that breaks into it controls the EC2 instance and the other
#   tasks on it. An aws_ecs_task_definition fails when a container of
#   container_definitions sets privileged to true (the default is false;
#   Fargate refuses it). Container definitions unknown until apply are
#   reported unknown. Security Hub control ECS.4.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#container_definitions
#   - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4
# custom:
#   id: TNT-AWS-ECS-001
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
#   remediation: >-
#     Remove privileged = true from the container definition and grant only
#     the Linux capabilities the container needs (linuxParameters.capabilities.add).
package tenet.aws.ecs.privileged

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(t, "container_definitions", sprintf("container %s runs privileged", [_name(c, i)])) if {
	some t in terraform.resources("aws_ecs_task_definition")
	some i, c in _containers(t)
	object.get(c, "privileged", false) == true
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
