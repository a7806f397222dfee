# METADATA
# title: Cloud SQL engine flags keep risky features off
# description: >-
#   MySQL's local_infile lets a client make the server read local files, and
#   SQL Server's cross-database ownership chaining and contained database
#   authentication let access escape the database it was granted in. None is
#   needed by most applications.
# scope: package
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/flags
#   - https://cloud.google.com/sql/docs/sqlserver/flags
# custom:
#   id: TNT-GCP-SQL-006
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["6.1.3", "6.3.2", "6.3.7"]
#     cis-gcp-3.0.0: ["6.1.3", "6.3.2", "6.3.7"]
#     nist-800-53-r5: ["CM-6", "CM-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.6"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Set database_flags local_infile = "off" on MySQL, and "cross db ownership chaining" and "contained database authentication" to "off" on SQL Server.
package tenet.gcp.sql.engine_flags

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_flags := "settings.0.database_flags"

# The risky flags per engine with their defaults. SQL Server has both off by
# default, and MySQL 8 has local_infile off, so an absent flag fails only on
# MySQL 5.x, where it is on (the catalogue asks for an explicit off
# everywhere).
_risky(db) := {"local_infile": _mysql_default(db)} if {
	gcp.sql_engine(db) == "mysql"
} else := {"cross db ownership chaining": "off", "contained database authentication": "off"} if {
	gcp.sql_engine(db) == "sqlserver"
}

_mysql_default(db) := "on" if {
	startswith(terraform.get(db, "database_version", ""), "MYSQL_5")
} else := "off"

deny contains result.fail_attr(db, _flags, sprintf("database flag %q is %q, want \"off\"", [name, value])) if {
	some db in terraform.resources("google_sql_database_instance")
	not terraform.unknown_within(db, _flags)
	some name, fallback in _risky(db)
	value := object.get(gcp.sql_flags(db), name, fallback)
	value != "off"
}

unknown contains result.unknown(db, _flags) if {
	some db in terraform.resources("google_sql_database_instance")
	_risky(db)
	terraform.unknown_within(db, _flags)
}

# The engine (database_version) set through a local decides which flags
# apply.
unknown contains result.unknown(db, "database_version") if {
	some db in terraform.resources("google_sql_database_instance")
	terraform.unknown(db, "database_version")
}
