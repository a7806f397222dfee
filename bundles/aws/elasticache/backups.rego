# METADATA
# title: ElastiCache Redis OSS and Valkey caches take automatic backups
# description: >-
#   Redis OSS and Valkey are often used as a primary store for sessions,
#   queues and counters; without automatic snapshots, data lost to a bad
#   command or a failed node cannot be restored. A replication group, or a
#   Redis OSS or Valkey aws_elasticache_cluster that belongs to no
#   replication group, fails when snapshot_retention_limit is 0 or left out
#   (no backups). Memcached, which has no backups, and members of a
#   replication group (the group holds the setting) are not judged. A value
#   unknown until apply is reported unknown. Security Hub control
#   ElastiCache.1.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#snapshot_retention_limit
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster#snapshot_retention_limit
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1
# custom:
#   id: TNT-AWS-ELC-004
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_elasticache_replication_group, aws_elasticache_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CP-9", "CP-10"]
#     soc2-2017: ["A1.2"]
#     hipaa: ["164.308(a)(7)(i)", "164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(c)"]
#   remediation: Set snapshot_retention_limit to 1 or more days (and a snapshot_window).
package tenet.aws.elasticache.backups

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(c, "snapshot_retention_limit", "snapshot_retention_limit is 0: no automatic backups are taken") if {
	some c in _judged
	terraform.get(c, "snapshot_retention_limit", 0) == 0
	not compute.set_unknown(c, "snapshot_retention_limit")
}

unknown contains result.unknown(c, "snapshot_retention_limit") if {
	some c in _judged
	compute.set_unknown(c, "snapshot_retention_limit")
}

# A standalone cluster whose engine is unknown until apply may be Redis OSS
# or Valkey.
unknown contains result.unknown_msg(c, "engine", "the engine is unknown until apply, and snapshot_retention_limit is 0: a Redis OSS or Valkey cache would take no backups") if {
	some c in terraform.resources("aws_elasticache_cluster")
	terraform.get(c, "replication_group_id", "") == ""
	not terraform.unknown(c, "replication_group_id")
	terraform.unknown(c, "engine")
	terraform.get(c, "snapshot_retention_limit", 0) == 0
	not terraform.unknown(c, "snapshot_retention_limit")
}

_judged contains g if {
	some g in terraform.resources("aws_elasticache_replication_group")
	terraform.get(g, "global_replication_group_id", "") == ""
	not compute.from_resource(g, "global_replication_group_id")
}

# A cluster that joins a replication group takes its settings from it; a
# standalone one names its engine.
_judged contains c if {
	some c in terraform.resources("aws_elasticache_cluster")
	terraform.get(c, "replication_group_id", "") == ""
	not terraform.unknown(c, "replication_group_id")
	lower(terraform.get(c, "engine", "")) in {"redis", "valkey"}
}
