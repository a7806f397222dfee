# METADATA
# title: DMS replication instances are not publicly accessible
# description: >-
#   A replication instance holds connections to source and target databases
#   and streams their data; with a public address it is reachable from the
#   internet, one security group away from exposing both. A replication
#   instance fails when publicly_accessible is true. Left out, the provider
#   creates it private (it sends false), so it passes. A value unknown until
#   apply is reported unknown. Security Hub control DMS.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance#publicly_accessible
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/dms-controls.html#dms-1
# custom:
#   id: TNT-AWS-DMS-001
#   severity: critical
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_dms_replication_instance]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set publicly_accessible = false and place the instance in private subnets (replication_subnet_group_id).
package tenet.aws.dms.public_access

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, "publicly_accessible", "publicly_accessible is true: the replication instance has a public address") if {
	some r in terraform.resources("aws_dms_replication_instance")
	terraform.is_true(r, "publicly_accessible")
}

unknown contains result.unknown(r, "publicly_accessible") if {
	some r in terraform.resources("aws_dms_replication_instance")
	compute.set_unknown(r, "publicly_accessible")
}
