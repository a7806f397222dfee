# METADATA
# title: EFS access points enforce a POSIX user
# description: >-
#   Without a posix_user, NFS clients of an access point act with the user
#   and group ids they claim, so any client can read and write files as any
#   user, root included. An enforced user identity replaces whatever the
#   client sends. An aws_efs_access_point fails without a posix_user block.
#   A block written through a dynamic block that the plan does not know yet
#   is reported unknown. Security Hub control EFS.4.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_access_point#posix_user
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-4
# custom:
#   id: TNT-AWS-EFS-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_efs_access_point]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Add posix_user { uid = <uid>, gid = <gid> } (a non-root user) to the access point.
package tenet.aws.efs.access_point_user

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(a, "posix_user", "the access point enforces no posix_user: clients act as whatever user they claim") if {
	some a in terraform.resources("aws_efs_access_point")
	count(terraform.get(a, "posix_user", [])) == 0
	not compute.set_unknown(a, "posix_user")
}

unknown contains result.unknown(a, "posix_user") if {
	some a in terraform.resources("aws_efs_access_point")
	count(terraform.get(a, "posix_user", [])) == 0
	compute.set_unknown(a, "posix_user")
}
