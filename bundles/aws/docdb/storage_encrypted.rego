# METADATA
# title: DocumentDB and Neptune clusters encrypt their storage
# description: >-
#   Unencrypted cluster storage exposes every document or graph, and every
#   snapshot taken of it, to whoever obtains the underlying volumes or a
#   shared snapshot; encryption can only be chosen when the cluster is
#   created. An aws_docdb_cluster or aws_neptune_cluster fails unless
#   storage_encrypted is true (the provider's default is false). A value
#   unknown until apply is reported unknown. Security Hub controls
#   DocumentDB.1 and Neptune.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#storage_encrypted
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#storage_encrypted
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/documentdb-controls.html#documentdb-1
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-1
# custom:
#   id: TNT-AWS-DOCDB-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_docdb_cluster, aws_neptune_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set storage_encrypted = true (optionally with kms_key_arn) when creating the cluster; an existing cluster is re-created from an encrypted snapshot copy.
package tenet.aws.docdb.storage_encrypted

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := ["aws_docdb_cluster", "aws_neptune_cluster"]

deny contains result.fail_attr(c, "storage_encrypted", "storage_encrypted is not true: the cluster's storage is not encrypted") if {
	some type in _types
	some c in terraform.resources(type)
	not terraform.is_true(c, "storage_encrypted")
	not terraform.unknown(c, "storage_encrypted")
}

unknown contains result.unknown(c, "storage_encrypted") if {
	some type in _types
	some c in terraform.resources(type)
	terraform.unknown(c, "storage_encrypted")
}
