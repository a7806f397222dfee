# METADATA
# title: DAX clusters encrypt cached data at rest
# description: >-
#   A DAX cluster holds copies of table items on its nodes' disks; without
#   encryption at rest those copies are unprotected even though the table
#   itself is encrypted. Encryption can only be chosen at creation.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster#server_side_encryption
# custom:
#   id: TNT-AWS-DDB-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_dax_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Add server_side_encryption { enabled = true } when creating the cluster.
package tenet.aws.dynamodb.dax_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "server_side_encryption.0.enabled"

deny contains result.fail_attr(c, "server_side_encryption.enabled", "server_side_encryption.enabled is not true: the cache is not encrypted at rest") if {
	some c in terraform.resources("aws_dax_cluster")
	not terraform.is_true(c, _enabled)
	not _declared_unknown(c)
}

unknown contains result.unknown(c, "server_side_encryption.enabled") if {
	some c in terraform.resources("aws_dax_cluster")
	_declared_unknown(c)
}

# A block wholly unknown in a plan (computed) is not a declaration.
_declared_unknown(c) if {
	count(terraform.get(c, "server_side_encryption", [])) > 0
	terraform.unknown(c, _enabled)
}

# A wholly unknown block counts as left out only when the configuration
# shows nothing sets it (compute.unset).
_declared_unknown(c) if compute.set_unknown(c, _enabled)
