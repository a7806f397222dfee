# METADATA
# title: Instance user data holds no credentials
# description: >-
#   User data is readable by anyone who can describe the instance or template
#   and by every process on the instance through the metadata service, and it
#   is kept in plans and state. Keys and passwords belong in an instance role,
#   Secrets Manager or Parameter Store.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#user_data
# custom:
#   id: TNT-AWS-EC2-006
#   severity: critical
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["IA-5(7)", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove the credential from user data, rotate it, and fetch secrets at boot with the instance role instead.
package tenet.aws.ec2.user_data_secrets

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# aws_instance and aws_launch_configuration keep user_data as a SHA-1 hash
# in plans and state, so only user_data_base64 and launch template user_data
# (base64) usually carry the text; plain values are still checked.
_attributes := ["user_data", "user_data_base64"]

deny contains result.fail_attr(r, attr, msg) if {
	some r in compute.launches
	some attr in _attributes
	found := compute.credentials(compute.text(terraform.get(r, attr, null)))
	count(found) > 0
	msg := sprintf("%s contains %s", [attr, concat(" and ", sort(found))])
}

unknown contains result.unknown(r, attr) if {
	some r in compute.launches
	some attr in _attributes
	compute.set_unknown(r, attr)
}
