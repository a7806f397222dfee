# METADATA
# title: Instances are launched without public IP addresses
# description: >-
#   A public address makes an instance reachable from the internet as soon as
#   a security group rule allows it, bypassing load balancers and NAT. Keeping
#   instances private confines exposure to the entry points meant for it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#associate_public_ip_address
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#network-interfaces
# custom:
#   id: TNT-AWS-EC2-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-17", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(B)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set associate_public_ip_address = false and reach instances through a load balancer, NAT or Session Manager.
package tenet.aws.ec2.public_ip

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_msg := "associate_public_ip_address is true: the instance gets a public IP address"

deny contains result.fail_attr(r, "associate_public_ip_address", _msg) if {
	some type in ["aws_instance", "aws_launch_configuration"]
	some r in terraform.resources(type)
	terraform.is_true(r, "associate_public_ip_address")
}

# In launch templates the attribute is a string ("true", "false" or "").
deny contains result.fail_attr(lt, path, _msg) if {
	some lt in terraform.resources("aws_launch_template")
	some i, nic in terraform.get(lt, "network_interfaces", [])
	lower(sprintf("%v", [object.get(nic, "associate_public_ip_address", "")])) == "true"
	path := sprintf("network_interfaces.%d.associate_public_ip_address", [i])
}

# Left out, the attribute is computed from the subnet's setting (judged by
# TNT-AWS-VPC-008): only a value set from an expression is unknown here.
unknown contains result.unknown(r, "associate_public_ip_address") if {
	some type in ["aws_instance", "aws_launch_configuration"]
	some r in terraform.resources(type)
	compute.set_unknown(r, "associate_public_ip_address")
}

unknown contains result.unknown(lt, "network_interfaces") if {
	some lt in terraform.resources("aws_launch_template")
	count(terraform.get(lt, "network_interfaces", [])) == 0
	compute.set_unknown(lt, "network_interfaces")
}

unknown contains result.unknown(lt, path) if {
	some lt in terraform.resources("aws_launch_template")
	some i, _ in terraform.get(lt, "network_interfaces", [])
	path := sprintf("network_interfaces.%d.associate_public_ip_address", [i])
	compute.set_unknown(lt, path)
}
