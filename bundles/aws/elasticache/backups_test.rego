package tenet.aws.elasticache.backups_test

import rego.v1

import data.tenet.aws.elasticache.backups as check
import data.tenet.lib.fixtures

_msg := "snapshot_retention_limit is 0: no automatic backups are taken"

test_deny_without_backups if {
	group := fixtures.resource("aws_elasticache_replication_group", "g", {"replication_group_id": "g", "snapshot_retention_limit": null})
	cluster := fixtures.resource("aws_elasticache_cluster", "c", {"cluster_id": "c", "engine": "redis", "snapshot_retention_limit": 0})
	check.deny == {
		{"msg": _msg, "resource": "aws_elasticache_replication_group.g", "attribute": "snapshot_retention_limit"},
		{"msg": _msg, "resource": "aws_elasticache_cluster.c", "attribute": "snapshot_retention_limit"},
	} with input as fixtures.plan([group, cluster])
}

test_allow_backups_memcached_and_members if {
	inp := fixtures.state([
		fixtures.resource("aws_elasticache_replication_group", "g", {"snapshot_retention_limit": 7}),
		fixtures.resource("aws_elasticache_replication_group", "secondary", {"global_replication_group_id": "ldgnf-global"}),
		fixtures.resource("aws_elasticache_cluster", "m", {"engine": "memcached"}),
		fixtures.resource("aws_elasticache_cluster", "member", {"replication_group_id": "g", "engine": "redis"}),
		fixtures.resource("aws_elasticache_cluster", "v", {"engine": "valkey", "snapshot_retention_limit": 1}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	joined := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_elasticache_replication_group", "s", {}), ["global_replication_group_id"]), {"global_replication_group_id": ["aws_elasticache_global_replication_group.g"]})
	check.deny == set() with input as fixtures.plan([joined])
}

test_unknown_limit if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_elasticache_replication_group", "g", {}), ["snapshot_retention_limit"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "snapshot_retention_limit is unknown until apply", "resource": "aws_elasticache_replication_group.g", "attribute": "snapshot_retention_limit"}} with input as inp
}

test_unknown_engine_of_standalone_cluster if {
	c := fixtures.with_unknown(fixtures.resource("aws_elasticache_cluster", "c", {"cluster_id": "c"}), ["engine"])
	check.deny == set() with input as fixtures.plan([c])
	{f.attribute | some f in check.unknown} == {"engine"} with input as fixtures.plan([c])
}
