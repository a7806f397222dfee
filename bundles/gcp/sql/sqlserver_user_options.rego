# METADATA
# title: Cloud SQL for SQL Server leaves the global user options unset
# description: >-
#   The user options flag changes the session defaults of every connection on
#   the server, such as how NULLs and quoted identifiers behave, behind the
#   back of each application. Session settings belong in the application's
#   connection.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TNT-GCP-SQL-012
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["6.3.4"]
#     cis-gcp-3.0.0: ["6.3.4"]
#     nist-800-53-r5: ["CM-6", "CM-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.6"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Remove the "user options" database flag from the SQL Server instance.
package tenet.gcp.sql.sqlserver_user_options

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_flag := "user options"

deny contains result.fail_attr(db, gcp.sql_flags_path, sprintf("database flag %q is set to %q, want it unset", [_flag, v])) if {
	some db in gcp.sql_instances("sqlserver")
	not gcp.sql_flags_unknown(db)
	v := gcp.sql_flags(db)[_flag]
}

unknown contains result.unknown(db, gcp.sql_flags_path) if {
	some db in gcp.sql_instances("sqlserver")
	gcp.sql_flags_unknown(db)
}

# The engine, and so whether the flag applies, is known only after apply.
unknown contains result.unknown(db, "database_version") if {
	some db in gcp.sql_engine_unknown
}
