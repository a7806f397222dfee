# METADATA
# title: RDS databases encrypt their storage
# description: >-
#   Unencrypted database storage exposes every record, and every snapshot and
#   replica made from it, to anyone who gets hold of the volume or a shared
#   snapshot. Encryption can only be chosen when the database is created.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster
# custom:
#   id: TNT-AWS-RDS-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_db_instance, aws_rds_cluster]
#     per_resource: true
#   controls:
#     cis-aws-3.0.0: ["2.3.1"]
#     cis-aws-1.5.0: ["2.3.1"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set storage_encrypted = true (optionally with kms_key_id) when creating the instance or cluster.
package tenet.aws.rds.storage_encrypted

import rego.v1

import data.tenet.lib.database
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(db, "storage_encrypted", "storage_encrypted is not true") if {
	some db in _judged
	not terraform.is_true(db, "storage_encrypted")
	not terraform.unknown(db, "storage_encrypted")
}

unknown contains result.unknown(db, "storage_encrypted") if {
	some db in _judged
	terraform.unknown(db, "storage_encrypted")
}

# Read replicas inherit the source's encryption (an unknown source is still
# a source; an empty one, as state records it for primaries, is none).
_judged contains db if {
	some db in terraform.resources("aws_db_instance")
	not database.replica(db)
}

# Aurora Serverless v1 clusters are always encrypted.
_judged contains cluster if {
	some cluster in terraform.resources("aws_rds_cluster")
	terraform.get(cluster, "engine_mode", "provisioned") != "serverless"
}
