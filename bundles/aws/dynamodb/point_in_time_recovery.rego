# METADATA
# title: DynamoDB tables have point-in-time recovery on
# description: >-
#   Point-in-time recovery lets a table be restored to any second of the last
#   35 days after a bad write, a faulty deployment or a deletion of items.
#   Without it only manual backups, if any, are available.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#point_in_time_recovery
# custom:
#   id: TNT-AWS-DDB-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_dynamodb_table]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Add point_in_time_recovery { enabled = true } to the table.
package tenet.aws.dynamodb.point_in_time_recovery

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "point_in_time_recovery.0.enabled"

# The block is computed: wholly unknown in a plan when left out, which is
# not a declaration (recovery stays off).
deny contains result.fail_attr(t, "point_in_time_recovery.enabled", "point_in_time_recovery.enabled is not true") if {
	some t in terraform.resources("aws_dynamodb_table")
	not terraform.is_true(t, _enabled)
	not _declared_unknown(t)
}

unknown contains result.unknown(t, "point_in_time_recovery.enabled") if {
	some t in terraform.resources("aws_dynamodb_table")
	_declared_unknown(t)
}

_declared_unknown(t) if {
	count(terraform.get(t, "point_in_time_recovery", [])) > 0
	terraform.unknown(t, _enabled)
}

# A wholly unknown block counts as left out only when the configuration
# shows nothing sets it (compute.unset).
_declared_unknown(t) if compute.set_unknown(t, _enabled)
