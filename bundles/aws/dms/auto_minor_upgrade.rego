# METADATA
# title: DMS replication instances apply minor engine upgrades automatically
# description: >-
#   Minor versions of the replication engine carry security and stability
#   fixes; without automatic upgrades an instance keeps running a version
#   with known flaws until someone upgrades it by hand. A replication
#   instance fails unless auto_minor_version_upgrade is true. Left out, the
#   provider creates the instance with automatic upgrades off (it sends
#   false), so it fails. A value unknown until apply is reported unknown.
#   Security Hub control DMS.6.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance#auto_minor_version_upgrade
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-6
# custom:
#   id: TNT-AWS-DMS-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_dms_replication_instance]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set auto_minor_version_upgrade = true on the replication instance.
package tenet.aws.dms.auto_minor_upgrade

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, "auto_minor_version_upgrade", "auto_minor_version_upgrade is not true: minor engine versions are not applied automatically") if {
	some r in terraform.resources("aws_dms_replication_instance")
	not terraform.is_true(r, "auto_minor_version_upgrade")
	not compute.set_unknown(r, "auto_minor_version_upgrade")
}

unknown contains result.unknown(r, "auto_minor_version_upgrade") if {
	some r in terraform.resources("aws_dms_replication_instance")
	compute.set_unknown(r, "auto_minor_version_upgrade")
}
