# METADATA
# title: EBS encryption by default is switched on for the region
# description: >-
#   With default encryption on, every new volume and snapshot copy in the
#   region is encrypted even when a template forgets to ask for it. Turning it
#   off makes encryption depend on each team remembering the setting.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default
# custom:
#   id: TNT-AWS-EC2-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_ebs_encryption_by_default]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.2.1"]
#     cis-aws-1.5.0: ["2.2.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set enabled = true on aws_ebs_encryption_by_default (or leave it out, it defaults to true).
package tenet.aws.ec2.ebs_default_encryption

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# enabled defaults to true; only an explicit false fails. Regions without
# the resource are not judged (the control is then not applicable).
deny contains result.fail_attr(d, "enabled", "EBS encryption by default is disabled (enabled = false)") if {
	some d in terraform.resources("aws_ebs_encryption_by_default")
	terraform.get(d, "enabled", true) == false
}

unknown contains result.unknown(d, "enabled") if {
	some d in terraform.resources("aws_ebs_encryption_by_default")
	terraform.unknown(d, "enabled")
}
