# METADATA
# title: Cloud SQL instances take automated backups
# description: >-
#   Without automated backups, a bad migration, a deleted table or a
#   ransomware attack can lose data for good. Read replicas are exempt: they
#   copy a primary and cannot be backed up themselves.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#backup_configuration
# custom:
#   id: TNT-GCP-SQL-004
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["6.7"]
#     cis-gcp-3.0.0: ["6.7"]
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Set settings.backup_configuration.enabled = true (with point_in_time_recovery_enabled where the engine supports it).
package tenet.gcp.sql.backups

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "settings.0.backup_configuration.0.enabled"

deny contains result.fail_attr(db, _enabled, "backup_configuration.enabled is not true: no automated backups") if {
	some db in _primaries
	not terraform.is_true(db, _enabled)
	not terraform.unknown_within(db, _enabled)
}

unknown contains result.unknown(db, _enabled) if {
	some db in _primaries
	terraform.unknown_within(db, _enabled)
}

_primaries contains db if {
	some db in terraform.resources("google_sql_database_instance")
	not gcp.sql_replica(db)
}
