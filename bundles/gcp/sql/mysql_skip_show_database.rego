# METADATA
# title: Cloud SQL for MySQL hides databases the user has no privilege on
# description: >-
#   With skip_show_database off, any account can list every database on the
#   server with SHOW DATABASES, which tells an intruder what to look for.
#   Turned on, the statement needs the SHOW DATABASES privilege.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TNT-GCP-SQL-007
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["6.1.2"]
#     cis-gcp-3.0.0: ["6.1.2"]
#     nist-800-53-r5: ["CM-6", "CM-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.6"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Add database_flags { name = "skip_show_database", value = "on" } to the MySQL instance settings.
package tenet.gcp.sql.mysql_skip_show_database

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_flag := "skip_show_database"

_default := "off"

deny contains result.fail_attr(db, gcp.sql_flags_path, sprintf("database flag %q is %s, want \"on\"", [_flag, gcp.sql_flag_text(db, _flag, _default)])) if {
	some db in gcp.sql_instances("mysql")
	not gcp.sql_flags_unknown(db)
	not gcp.sql_flag(db, _flag, _default) in {"on"}
}

unknown contains result.unknown(db, gcp.sql_flags_path) if {
	some db in gcp.sql_instances("mysql")
	gcp.sql_flags_unknown(db)
}

# The engine, and so whether the flag applies, is known only after apply.
unknown contains result.unknown(db, "database_version") if {
	some db in gcp.sql_engine_unknown
}
