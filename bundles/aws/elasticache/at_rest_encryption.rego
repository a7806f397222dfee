# METADATA
# title: ElastiCache replication groups encrypt data at rest
# description: >-
#   Cached data is often a copy of what the database holds, sessions and
#   tokens included; at-rest encryption covers the nodes' disks, swap and
#   the backups taken from them. A replication group fails when
#   at_rest_encryption_enabled is false. Left out, the API decides by engine:
#   Valkey groups are encrypted, Redis OSS groups are not (provider v5
#   writes false, v6 leaves it to the API). It cannot be changed after
#   creation. A secondary of a global datastore inherits the setting and is
#   not judged. Values unknown until apply, the engine included when it
#   decides, are reported unknown. Security Hub control ElastiCache.4.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#at_rest_encryption_enabled
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4
# custom:
#   id: TNT-AWS-ELC-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_elasticache_replication_group]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set at_rest_encryption_enabled = true (optionally with kms_key_id) when creating the replication group.
package tenet.aws.elasticache.at_rest_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "at_rest_encryption_enabled"

deny contains result.fail_attr(g, _attr, msg) if {
	some g in _groups
	msg := _failure(g)
}

unknown contains result.unknown(g, _attr) if {
	some g in _groups
	compute.set_unknown(g, _attr)
}

unknown contains result.unknown_msg(g, "engine", "at_rest_encryption_enabled is left to the API, whose default depends on the engine, which is unknown until apply") if {
	some g in _groups
	_left_out(g)
	terraform.unknown(g, "engine")
}

_groups contains g if {
	some g in terraform.resources("aws_elasticache_replication_group")
	not _secondary(g)
}

_secondary(g) if terraform.get(g, "global_replication_group_id", "") != ""

_secondary(g) if compute.from_resource(g, "global_replication_group_id")

# Provider v6 stores the flag as a string ("true", "false", "" when unset).
_failure(g) := "at_rest_encryption_enabled is false: cached data is stored unencrypted" if {
	lower(sprintf("%v", [terraform.get(g, _attr, "")])) == "false"
} else := "at_rest_encryption_enabled is left out: Redis OSS replication groups are then stored unencrypted" if {
	_left_out(g)
	not terraform.unknown(g, "engine")
	lower(terraform.get(g, "engine", "redis")) == "redis"
}

_left_out(g) if {
	terraform.get(g, _attr, "") == ""
	not terraform.unknown(g, _attr)
}

_left_out(g) if compute.unset(g, _attr)
