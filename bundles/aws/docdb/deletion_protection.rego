# METADATA
# title: DocumentDB and Neptune clusters are protected against deletion
# description: >-
#   Without deletion protection a mistaken apply, a renamed resource or a
#   console slip deletes the cluster and, unless a final snapshot is taken,
#   its automated backups with it. An aws_docdb_cluster or
#   aws_neptune_cluster fails unless deletion_protection is true (the default
#   is false). A value unknown until apply is reported unknown. Security Hub
#   controls DocumentDB.5 and Neptune.4.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#deletion_protection
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#deletion_protection
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-5
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-4
# custom:
#   id: TNT-AWS-DOCDB-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_docdb_cluster, aws_neptune_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-3", "CP-9", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set deletion_protection = true on the cluster.
package tenet.aws.docdb.deletion_protection

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_docdb_cluster", "aws_neptune_cluster"]

deny contains result.fail_attr(c, "deletion_protection", "deletion_protection is not true: the cluster can be deleted in one step") if {
	some type in _types
	some c in terraform.resources(type)
	not terraform.is_true(c, "deletion_protection")
	not terraform.unknown(c, "deletion_protection")
}

unknown contains result.unknown(c, "deletion_protection") if {
	some type in _types
	some c in terraform.resources(type)
	terraform.unknown(c, "deletion_protection")
}
