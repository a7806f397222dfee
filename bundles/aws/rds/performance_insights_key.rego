# METADATA
# title: RDS Performance Insights data is encrypted with a customer-managed KMS key
# description: >-
#   Performance Insights keeps the text of the queries a database ran, which
#   can hold personal data and secrets. Without performance_insights_kms_key_id
#   it is encrypted with the AWS-managed key aws/rds, whose use the
#   organisation cannot restrict or revoke. A customer-managed key can be.
# scope: package
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_kms_key_id
# custom:
#   id: TNT-AWS-RDS-010
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster_instance]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set performance_insights_kms_key_id to the ARN of a customer-managed KMS key (it cannot be changed once set).
package tenet.aws.rds.performance_insights_key

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_db_instance", "aws_rds_cluster_instance"]

_key := "performance_insights_kms_key_id"

# The key is computed (aws/rds) when left out: unknown in a plan without a
# reference, which compute.set_unknown tells from a key set elsewhere.
deny contains result.fail_attr(db, _key, "performance_insights_kms_key_id is not set: Performance Insights uses the AWS-managed key aws/rds") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.is_true(db, "performance_insights_enabled")
	terraform.get(db, _key, "") == ""
	not compute.set_unknown(db, _key)
}

unknown contains result.unknown(db, _key) if {
	some type in _types
	some db in terraform.resources(type)
	terraform.is_true(db, "performance_insights_enabled")
	compute.presence_unknown(db, _key)
}

# Insights turned on through a variable may run on aws/rds: undecided
# unless a key is shown set.
unknown contains result.unknown(db, "performance_insights_enabled") if {
	some type in _types
	some db in terraform.resources(type)
	terraform.unknown(db, "performance_insights_enabled")
	terraform.get(db, _key, "") == ""
	not compute.from_resource(db, _key)
}
