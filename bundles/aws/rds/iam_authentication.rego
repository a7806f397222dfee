# METADATA
# title: MySQL and PostgreSQL databases accept IAM authentication
# description: >-
#   IAM database authentication replaces long-lived database passwords with
#   short-lived tokens tied to IAM identities, so access follows role changes
#   and is recorded in CloudTrail.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#iam_database_authentication_enabled
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#iam_database_authentication_enabled
# custom:
#   id: TNT-AWS-RDS-008
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-2", "AC-3", "IA-2"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "8.2.1"]
#     hipaa: ["164.312(a)(1)", "164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that need access.
package tenet.aws.rds.iam_authentication

import rego.v1

import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(db, "iam_database_authentication_enabled", "iam_database_authentication_enabled is not true") if {
	some db in _judged
	not terraform.is_true(db, "iam_database_authentication_enabled")
	not terraform.unknown(db, "iam_database_authentication_enabled")
}

unknown contains result.unknown(db, "iam_database_authentication_enabled") if {
	some db in _judged
	terraform.unknown(db, "iam_database_authentication_enabled")
}

# Engines of the MySQL and PostgreSQL families (Aurora included, through the
# cluster); Aurora members and replicas follow their cluster or source.
# IAM authentication exists for MySQL and PostgreSQL only: with the engine
# unknown until apply, so is whether it applies.
unknown contains result.unknown(db, "engine") if {
	some db in database.databases
	terraform.unknown(db, "engine")
	not terraform.is_true(db, "iam_database_authentication_enabled")
	not terraform.unknown(db, "iam_database_authentication_enabled")
}

_judged contains db if {
	some db in database.databases
	database.family(db) in {"mysql", "postgres"}
}
