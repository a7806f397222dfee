# METADATA
# title: RDS instances are not reachable from the internet
# description: >-
#   A publicly accessible database gets a public DNS name and address, leaving
#   only its security group and password between the data and the internet.
#   Databases belong in private subnets, reached through the application tier.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#publicly_accessible
# custom:
#   id: TNT-AWS-RDS-002
#   severity: critical
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster_instance]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.3.3"]
#     cis-aws-1.5.0: ["2.3.3"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set publicly_accessible = false and place the database in private subnets.
package tenet.aws.rds.public_access

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_db_instance", "aws_rds_cluster_instance"]

deny contains result.fail_attr(db, "publicly_accessible", "the instance is publicly accessible") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.is_true(db, "publicly_accessible")
}

unknown contains result.unknown(db, "publicly_accessible") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.unknown(db, "publicly_accessible")
}
