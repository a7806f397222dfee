# METADATA
# title: Cloud SQL for PostgreSQL logs connections, disconnections and errors
# description: >-
#   Connection records and error statements are what an investigation of a
#   database breach starts from. Verbose statement or debug logging does the
#   opposite: it floods the log and may write sensitive query text.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
# custom:
#   id: TNT-GCP-SQL-005
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["6.2.2", "6.2.3", "6.2.5", "6.2.6", "6.2.7"]
#     cis-gcp-3.0.0: ["6.2.2", "6.2.3", "6.2.5", "6.2.6", "6.2.7"]
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
#   remediation: Set database_flags log_connections and log_disconnections to "on", and leave log_min_messages (warning or error), log_min_error_statement (error or stricter) and log_min_duration_statement (-1) at compliant values.
package tenet.gcp.sql.postgres_logging

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_flags := "settings.0.database_flags"

# Each flag, its PostgreSQL default and the values that comply. The defaults
# of log_min_messages (warning), log_min_error_statement (error) and
# log_min_duration_statement (-1) comply, so unlike the catalogue wording an
# absent flag fails only for log_connections and log_disconnections.
_rules := {
	"log_connections": {"default": "off", "allowed": {"on"}},
	"log_disconnections": {"default": "off", "allowed": {"on"}},
	"log_min_messages": {"default": "warning", "allowed": {"warning", "error"}},
	"log_min_error_statement": {"default": "error", "allowed": {"error", "log", "fatal", "panic"}},
	"log_min_duration_statement": {"default": "-1", "allowed": {"-1"}},
}

deny contains result.fail_attr(db, _flags, sprintf("database flag %s is %q, want one of %v", [name, value, sort(rule.allowed)])) if {
	some db in _postgres
	not terraform.unknown_within(db, _flags)
	some name, rule in _rules
	value := object.get(gcp.sql_flags(db), name, rule.default)
	not value in rule.allowed
}

unknown contains result.unknown(db, _flags) if {
	some db in _postgres
	terraform.unknown_within(db, _flags)
}

_postgres contains db if {
	some db in terraform.resources("google_sql_database_instance")
	gcp.sql_engine(db) == "postgres"
}

# The engine (database_version) set through a local decides which flags
# apply.
unknown contains result.unknown(db, "database_version") if {
	some db in terraform.resources("google_sql_database_instance")
	terraform.unknown(db, "database_version")
}
