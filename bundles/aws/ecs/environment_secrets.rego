# METADATA
# title: ECS container environments hold no credentials
# description: >-
#   Environment variables of a task definition are shown in the console,
#   returned by DescribeTaskDefinition to anyone who may read it, and kept
#   in every revision and in the Terraform state. An
#   aws_ecs_task_definition fails when a container's environment sets
#   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA, or a
#   value that holds an AWS access key id, a secret access key, a private
#   key or a CloudFormation dynamic reference to a secret (which the
#   deployment writes in clear). Secrets belong in the container's secrets list (Secrets Manager or
#   Parameter Store), and AWS access in the task role. Container
#   definitions unknown until apply are reported unknown. Security Hub
#   control ECS.8.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#container_definitions
#   - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-8
# custom:
#   id: TNT-AWS-ECS-004
#   severity: critical
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecs_task_definition]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Move the value to Secrets Manager or Parameter Store and reference it in the container's secrets list (valueFrom), or give the task a task_role_arn instead of AWS keys.
package tenet.aws.ecs.environment_secrets

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"}

deny contains result.fail_attr(t, "container_definitions", msg) if {
	some t in terraform.resources("aws_ecs_task_definition")
	some i, c in _containers(t)
	some v in object.get(c, "environment", [])
	msg := sprintf("container %s: %s", [_name(c, i), _problem(v)])
}

unknown contains result.unknown(t, "container_definitions") if {
	some t in terraform.resources("aws_ecs_task_definition")
	terraform.unknown(t, "container_definitions")
}

_problem(v) := sprintf("environment variable %s holds a credential", [v.name]) if {
	v.name in _names
} else := sprintf("environment variable %s contains %s", [v.name, concat(" and ", sort(found))]) if {
	found := compute.credentials(object.get(v, "value", ""))
	count(found) > 0
}

_containers(t) := cs if {
	cs := json.unmarshal(terraform.get(t, "container_definitions", "[]"))
	is_array(cs)
} else := []

# Containers are named by name, else by position.
_name(c, i) := sprintf("%q", [c.name]) if {
	is_string(c.name)
} else := sprintf("%d", [i])
