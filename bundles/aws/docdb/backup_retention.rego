# METADATA
# title: DocumentDB and Neptune clusters keep automated backups for at least seven days
# description: >-
#   Automated backups are the way back from deleted data, corruption or
#   ransomware, and only as far back as they are kept: with the default of
#   one day, a problem found after a weekend cannot be undone. An
#   aws_docdb_cluster or aws_neptune_cluster fails when
#   backup_retention_period is below 7 days (left out, it is 1). A value
#   unknown until apply is reported unknown. Security Hub controls
#   DocumentDB.2 and Neptune.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#backup_retention_period
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#backup_retention_period
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-2
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-5
# custom:
#   id: TNT-AWS-DOCDB-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_docdb_cluster, aws_neptune_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set backup_retention_period to 7 or more days.
package tenet.aws.docdb.backup_retention

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_docdb_cluster", "aws_neptune_cluster"]

_minimum := 7

deny contains result.fail_attr(c, "backup_retention_period", msg) if {
	some type in _types
	some c in terraform.resources(type)
	not compute.set_unknown(c, "backup_retention_period")
	days := terraform.get(c, "backup_retention_period", 1)
	days < _minimum
	msg := sprintf("backup_retention_period is %d day(s), below the minimum of %d", [days, _minimum])
}

unknown contains result.unknown(c, "backup_retention_period") if {
	some type in _types
	some c in terraform.resources(type)
	compute.set_unknown(c, "backup_retention_period")
}
