# METADATA
# title: RDS instances have Performance Insights on
# description: >-
#   Performance Insights records the database load by query, wait event and
#   host, and keeps a week of it at no cost. It shows what a database was
#   doing when it slowed or failed, which the instance's metrics alone do
#   not. Instance classes that do not support it (db.t2, db.t3 and db.t4g
#   micro and small) are not judged.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_enabled
# custom:
#   id: TNT-AWS-RDS-009
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster_instance]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CA-7", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)"]
#     gdpr: ["Art. 32(1)(d)"]
#   remediation: Set performance_insights_enabled = true (and performance_insights_kms_key_id to a customer-managed key, TNT-AWS-RDS-010).
package tenet.aws.rds.performance_insights

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_db_instance", "aws_rds_cluster_instance"]

deny contains result.fail_attr(db, "performance_insights_enabled", "performance_insights_enabled is not true: the database load is not recorded") if {
	some type in _types
	some db in terraform.resources(type)
	_supported(db)
	not terraform.is_true(db, "performance_insights_enabled")
	not terraform.unknown(db, "performance_insights_enabled")
}

unknown contains result.unknown(db, "performance_insights_enabled") if {
	some type in _types
	some db in terraform.resources(type)
	_supported(db)
	terraform.unknown(db, "performance_insights_enabled")
}

# An unknown class may be a supported one: judged.
_supported(db) if not regex.match(`^db\.t(2|3|4g)\.(micro|small)$`, terraform.get(db, "instance_class", ""))
