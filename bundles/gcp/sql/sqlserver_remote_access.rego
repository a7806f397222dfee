# METADATA
# title: Cloud SQL for SQL Server refuses remote stored procedure calls
# description: >-
#   The remote access option, on by default, lets other servers run stored
#   procedures on this one; a compromised peer can use it to run code here or
#   to flood it with calls.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TNT-GCP-SQL-013
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["6.3.5"]
#     cis-gcp-3.0.0: ["6.3.5"]
#     nist-800-53-r5: ["CM-6", "CM-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.6"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Add database_flags { name = "remote access", value = "off" } to the SQL Server instance settings.
package tenet.gcp.sql.sqlserver_remote_access

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_flag := "remote access"

_default := "on"

deny contains result.fail_attr(db, gcp.sql_flags_path, sprintf("database flag %q is %s, want \"off\"", [_flag, gcp.sql_flag_text(db, _flag, _default)])) if {
	some db in gcp.sql_instances("sqlserver")
	not gcp.sql_flags_unknown(db)
	not gcp.sql_flag(db, _flag, _default) in {"off"}
}

unknown contains result.unknown(db, gcp.sql_flags_path) if {
	some db in gcp.sql_instances("sqlserver")
	gcp.sql_flags_unknown(db)
}

# The engine, and so whether the flag applies, is known only after apply.
unknown contains result.unknown(db, "database_version") if {
	some db in gcp.sql_engine_unknown
}
