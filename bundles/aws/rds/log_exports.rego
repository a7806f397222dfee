# METADATA
# title: RDS databases export their audit and error logs to CloudWatch
# description: >-
#   Database logs kept only on the instance rotate away and vanish with it;
#   exported to CloudWatch Logs they can be retained, searched and alarmed on
#   when investigating failed logins or unexpected queries.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#enabled_cloudwatch_logs_exports
#   - https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
# custom:
#   id: TNT-AWS-RDS-007
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-6", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.308(a)(5)(ii)(C)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Add the engine's audit and error log types to enabled_cloudwatch_logs_exports.
package tenet.aws.rds.log_exports

import rego.v1

import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

# Log types per engine family, from the values RDS accepts. SQL Server
# exports only "agent" and "error" (the catalog's audit does not exist there);
# MySQL Multi-AZ DB clusters export no audit log. Other engines need at least
# one type.
_required(db) := {"postgresql"} if {
	database.family(db) == "postgres"
} else := {"error"} if {
	db.type == "aws_rds_cluster"
	database.engine(db) == "mysql"
} else := {"audit", "error"} if {
	database.family(db) in {"mysql", "mariadb"}
} else := {"error"} if {
	database.family(db) == "sqlserver"
} else := {"alert", "audit"} if {
	database.family(db) == "oracle"
} else := {"diag.log"} if {
	database.family(db) == "db2"
} else := set()

deny contains result.fail_attr(db, "enabled_cloudwatch_logs_exports", msg) if {
	some db in _judged
	exported := {t | some t in terraform.get(db, "enabled_cloudwatch_logs_exports", [])}
	missing := _required(db) - exported
	count(missing) > 0
	msg := sprintf("enabled_cloudwatch_logs_exports lacks %s", [concat(", ", sort(missing))])
}

deny contains result.fail_attr(db, "enabled_cloudwatch_logs_exports", "enabled_cloudwatch_logs_exports is empty: no database log reaches CloudWatch") if {
	some db in _judged
	count(_required(db)) == 0
	count(terraform.get(db, "enabled_cloudwatch_logs_exports", [])) == 0
}

unknown contains result.unknown(db, "enabled_cloudwatch_logs_exports") if {
	some db in database.databases
	terraform.unknown(db, "enabled_cloudwatch_logs_exports")
}

# With the engine unknown until apply, the logs it needs are too: exports
# that are not empty may lack them.
unknown contains result.unknown(db, "engine") if {
	some db in _judged
	terraform.unknown(db, "engine")
	count(terraform.get(db, "enabled_cloudwatch_logs_exports", [])) > 0
}

_judged contains db if {
	some db in database.databases
	not terraform.unknown(db, "enabled_cloudwatch_logs_exports")
}
