# METADATA
# title: RDS automated backups are kept for at least seven days
# description: >-
#   Automated backups and point-in-time restore are the way back from deleted
#   rows, corruption or ransomware; with no or very short retention a problem
#   noticed after a weekend cannot be undone.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#backup_retention_period
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#backup_retention_period
# custom:
#   id: TNT-AWS-RDS-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set backup_retention_period to 7 or more days.
package tenet.aws.rds.backup_retention

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalog calls the minimum parameterised; tenet has no rule parameters.
_minimum := 7

# Left out, the RDS API keeps backups for 1 day (the attribute is computed
# for instances, defaults to 1 for clusters). Read replicas and Aurora
# members are skipped: the source or the cluster holds the setting.
deny contains result.fail_attr(db, "backup_retention_period", msg) if {
	some db in database.databases
	not compute.set_unknown(db, "backup_retention_period")
	days := terraform.get(db, "backup_retention_period", 1)
	days < _minimum
	msg := sprintf("backup_retention_period is %d day(s), below the minimum of %d", [days, _minimum])
}

unknown contains result.unknown(db, "backup_retention_period") if {
	some db in database.databases
	compute.set_unknown(db, "backup_retention_period")
}
