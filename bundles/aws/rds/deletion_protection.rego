# METADATA
# title: RDS databases are protected against deletion
# description: >-
#   Without deletion protection a mistaken apply, a renamed resource or a
#   console slip removes the database and, depending on settings, its
#   automated backups. The flag makes deletion a deliberate two-step change.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#deletion_protection
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#deletion_protection
# custom:
#   id: TNT-AWS-RDS-005
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-3", "CP-9", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set deletion_protection = true on the instance or cluster.
package tenet.aws.rds.deletion_protection

import rego.v1

import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

# Aurora members and read replicas are skipped: the cluster or the source
# holds the data that protection is for.
deny contains result.fail_attr(db, "deletion_protection", "deletion_protection is not true") if {
	some db in database.databases
	not terraform.is_true(db, "deletion_protection")
	not terraform.unknown(db, "deletion_protection")
}

unknown contains result.unknown(db, "deletion_protection") if {
	some db in database.databases
	terraform.unknown(db, "deletion_protection")
}
