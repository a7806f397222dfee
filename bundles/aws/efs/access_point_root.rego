# METADATA
# title: EFS access points confine clients to a directory other than the root
# description: >-
#   An access point is how an application is meant to see its own part of a
#   shared file system; one rooted at "/" hands every client the whole file
#   system, including other applications' data. An aws_efs_access_point
#   fails when it has no root_directory block or its path is "/" (the
#   default). A path unknown until apply is reported unknown. Security Hub
#   control EFS.3.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_access_point#root_directory
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-3
# custom:
#   id: TNT-AWS-EFS-003
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
#   remediation: Add root_directory { path = "/<application>" creation_info { owner_uid, owner_gid, permissions } } to the access point.
package tenet.aws.efs.access_point_root

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_path := "root_directory.0.path"

deny contains result.fail_attr(a, "root_directory.path", "the access point's root directory is /: clients see the whole file system") if {
	some a in terraform.resources("aws_efs_access_point")
	terraform.get(a, _path, "/") == "/"
	not compute.set_unknown(a, _path)
}

unknown contains result.unknown(a, "root_directory.path") if {
	some a in terraform.resources("aws_efs_access_point")
	compute.set_unknown(a, _path)
}
