# METADATA
# title: RDS instances apply minor engine upgrades automatically
# description: >-
#   Minor engine releases carry security fixes; an instance that never takes
#   them keeps known vulnerabilities until someone schedules an upgrade by hand.
#   Automatic minor upgrades apply them in the maintenance window.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#auto_minor_version_upgrade
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster_instance#auto_minor_version_upgrade
# custom:
#   id: TNT-AWS-RDS-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster_instance]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.3.2"]
#     cis-aws-1.5.0: ["2.3.2"]
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set auto_minor_version_upgrade = true (the default) on the instance.
package tenet.aws.rds.auto_minor_upgrade

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_db_instance", "aws_rds_cluster_instance"]

# The attribute defaults to true: only an explicit false fails.
deny contains result.fail_attr(db, "auto_minor_version_upgrade", "auto_minor_version_upgrade is false: minor engine fixes are not applied") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.get(db, "auto_minor_version_upgrade", true) == false
}

unknown contains result.unknown(db, "auto_minor_version_upgrade") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.unknown(db, "auto_minor_version_upgrade")
}
