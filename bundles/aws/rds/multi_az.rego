# METADATA
# title: Production RDS instances run in more than one availability zone
# description: >-
#   A single-AZ database is down for as long as its zone or host is, and
#   restoring from backup loses the changes since the last one. Multi-AZ keeps
#   a synchronous standby that takes over automatically. Only production
#   instances are judged: one whose environment tag (Environment, env, stage,
#   tier, or a key ending in one of them such as app_environment) names a
#   non-production environment (dev, test, staging, sandbox, ...) is skipped;
#   an untagged one is judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#multi_az
# custom:
#   id: TNT-AWS-RDS-006
#   severity: low
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-10", "SC-36", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: >-
#     Set multi_az = true, or tag non-production instances with an environment
#     tag (Environment, env, stage or tier, or a key ending in one of them
#     such as app_environment) whose value names a non-production environment
#     ("dev", "test", "staging", "sandbox", ...).
package tenet.aws.rds.multi_az

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

# Instances tagged as non-production are skipped (the catalog limits the
# rule to production; untagged instances count as production; see
# compute.non_production for the tag keys and values read). Aurora
# members, read replicas and SQL Server Express, which cannot be Multi-AZ,
# are skipped. Left out, multi_az is computed and AWS creates a single-AZ
# instance.
deny contains result.fail_attr(db, "multi_az", "multi_az is not true: the instance runs in a single availability zone") if {
	some db in _judged
	not terraform.is_true(db, "multi_az")
	not compute.set_unknown(db, "multi_az")
}

unknown contains result.unknown(db, "multi_az") if {
	some db in _judged
	compute.set_unknown(db, "multi_az")
}

_judged contains db if {
	some db in database.instances
	not compute.non_production(db)
	database.engine(db) != "sqlserver-ex"
}
