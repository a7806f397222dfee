# METADATA
# title: ElastiCache replication groups fail over automatically
# description: >-
#   Without automatic failover, the loss of the primary node or of its
#   Availability Zone stops writes until someone promotes a replica by hand.
#   A replication group fails unless automatic_failover_enabled is true (the
#   provider's default is false); failover needs at least one replica, so a
#   single-node group fails too. A secondary of a global datastore is not
#   judged. A value unknown until apply is reported unknown. Security Hub
#   control ElastiCache.3.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#automatic_failover_enabled
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3
# custom:
#   id: TNT-AWS-ELC-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_elasticache_replication_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-10", "SC-36", "SI-13(5)"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(C)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set automatic_failover_enabled = true (and multi_az_enabled = true) with at least one replica (num_cache_clusters of 2 or more, or replicas_per_node_group of 1 or more).
package tenet.aws.elasticache.automatic_failover

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(g, "automatic_failover_enabled", "automatic_failover_enabled is not true: losing the primary stops writes until a replica is promoted by hand") if {
	some g in _groups
	not terraform.is_true(g, "automatic_failover_enabled")
	not terraform.unknown(g, "automatic_failover_enabled")
}

unknown contains result.unknown(g, "automatic_failover_enabled") if {
	some g in _groups
	terraform.unknown(g, "automatic_failover_enabled")
}

_groups contains g if {
	some g in terraform.resources("aws_elasticache_replication_group")
	terraform.get(g, "global_replication_group_id", "") == ""
	not compute.from_resource(g, "global_replication_group_id")
}
