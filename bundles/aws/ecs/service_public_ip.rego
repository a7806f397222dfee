# METADATA
# title: ECS services do not give their tasks public IP addresses
# description: >-
#   A task with a public address can be reached from the internet on every
#   port its security group allows, bypassing the load balancer and the
#   controls in front of it. An aws_ecs_service fails when
#   network_configuration.assign_public_ip is true (the default is false).
#   Place tasks in private subnets and reach the internet through a NAT
#   gateway or VPC endpoints. A value unknown until apply is reported
#   unknown. Security Hub control ECS.2.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service#assign_public_ip
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-2
# custom:
#   id: TNT-AWS-ECS-005
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ecs_service]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set network_configuration { assign_public_ip = false } and run the tasks in private subnets.
package tenet.aws.ecs.service_public_ip

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_path := "network_configuration.0.assign_public_ip"

deny contains result.fail_attr(s, "network_configuration.assign_public_ip", "assign_public_ip is true: the service's tasks get public IP addresses") if {
	some s in terraform.resources("aws_ecs_service")
	terraform.is_true(s, _path)
}

unknown contains result.unknown(s, "network_configuration.assign_public_ip") if {
	some s in terraform.resources("aws_ecs_service")
	terraform.unknown(s, _path)
}
