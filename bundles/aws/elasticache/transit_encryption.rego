# METADATA
# title: ElastiCache replication groups encrypt data in transit
# description: >-
#   Without TLS, every command and value, passwords and AUTH tokens
#   included, crosses the network in clear text between clients and nodes
#   and between the nodes themselves. A replication group fails unless
#   transit_encryption_enabled is true; left out, the API creates the group
#   without TLS. A secondary of a global datastore inherits the setting and
#   is not judged. A value unknown until apply is reported unknown. Security
#   Hub control ElastiCache.5.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#transit_encryption_enabled
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5
# custom:
#   id: TNT-AWS-ELC-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_elasticache_replication_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set transit_encryption_enabled = true on the replication group (for Redis OSS before 7.0.5 this re-creates it) and connect clients over TLS.
package tenet.aws.elasticache.transit_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(g, "transit_encryption_enabled", "transit_encryption_enabled is not true: clients and nodes talk in clear text") if {
	some g in _groups
	not terraform.is_true(g, "transit_encryption_enabled")
	not compute.set_unknown(g, "transit_encryption_enabled")
}

unknown contains result.unknown(g, "transit_encryption_enabled") if {
	some g in _groups
	compute.set_unknown(g, "transit_encryption_enabled")
}

_groups contains g if {
	some g in terraform.resources("aws_elasticache_replication_group")
	not _secondary(g)
}

_secondary(g) if terraform.get(g, "global_replication_group_id", "") != ""

_secondary(g) if compute.from_resource(g, "global_replication_group_id")
