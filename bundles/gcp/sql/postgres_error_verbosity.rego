# METADATA
# title: Cloud SQL for PostgreSQL logs errors with at least the default detail
# description: >-
#   log_error_verbosity set to terse drops the detail, hint, query and context
#   fields from logged errors, leaving too little to tell an attack from a
#   fault. The default level, or verbose, keeps them.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TNT-GCP-SQL-008
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["6.2.1"]
#     cis-gcp-3.0.0: ["6.2.1"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Leave log_error_verbosity unset, or set it to "default" or "verbose" in the PostgreSQL instance database_flags.
package tenet.gcp.sql.postgres_error_verbosity

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_flag := "log_error_verbosity"

_default := "default"

deny contains result.fail_attr(db, gcp.sql_flags_path, sprintf("database flag %q is %s, want \"default\" or \"verbose\"", [_flag, gcp.sql_flag_text(db, _flag, _default)])) if {
	some db in gcp.sql_instances("postgres")
	not gcp.sql_flags_unknown(db)
	not gcp.sql_flag(db, _flag, _default) in {"default", "verbose"}
}

unknown contains result.unknown(db, gcp.sql_flags_path) if {
	some db in gcp.sql_instances("postgres")
	gcp.sql_flags_unknown(db)
}

# The engine, and so whether the flag applies, is known only after apply.
unknown contains result.unknown(db, "database_version") if {
	some db in gcp.sql_engine_unknown
}
