# METADATA
# title: Instances run with an IAM instance profile
# description: >-
#   An instance without a role has no short-lived credentials of its own, which
#   pushes teams to copy long-lived access keys onto the machine. A profile
#   gives rotated credentials and a policy that can be reviewed.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#iam_instance_profile
# custom:
#   id: TNT-AWS-EC2-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_instance]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["1.18"]
#     cis-aws-1.5.0: ["1.18"]
#     nist-800-53-r5: ["AC-6", "IA-5"]
#     soc2-2017: ["CC6.1", "CC6.2"]
#     pci-dss-4.0: ["8.6.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(3)(ii)(A)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.308(a)(5)(ii)(D)", "164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Attach an aws_iam_instance_profile with a least-privilege role through iam_instance_profile.
package tenet.aws.ec2.instance_profile

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A profile set from another resource is unknown on create and counts as
# set. Left out, the attribute may still be unknown (computed): without a
# reference behind it, it is not set.
deny contains result.fail_attr(i, "iam_instance_profile", "iam_instance_profile is not set: the instance has no IAM role") if {
	some i in terraform.resources("aws_instance")
	terraform.get(i, "iam_instance_profile", "") == ""
	not compute.set_unknown(i, "iam_instance_profile")
}

# A profile named from another resource is set; one through a local or
# each.value may be empty.
unknown contains result.unknown(i, "iam_instance_profile") if {
	some i in terraform.resources("aws_instance")
	compute.presence_unknown(i, "iam_instance_profile")
}
