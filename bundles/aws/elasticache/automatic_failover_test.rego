package tenet.aws.elasticache.automatic_failover_test

import rego.v1

import data.tenet.aws.elasticache.automatic_failover as check
import data.tenet.lib.fixtures

_group(name, values) := fixtures.resource("aws_elasticache_replication_group", name, object.union({"replication_group_id": name, "description": name}, values))

test_deny_manual_failover if {
	check.deny == {{"msg": "automatic_failover_enabled is not true: losing the primary stops writes until a replica is promoted by hand", "resource": "aws_elasticache_replication_group.g", "attribute": "automatic_failover_enabled"}} with input as fixtures.plan([_group("g", {"automatic_failover_enabled": false, "num_cache_clusters": 1})])
}

test_allow_automatic_failover if {
	inp := fixtures.state([_group("g", {"automatic_failover_enabled": true, "num_cache_clusters": 2}), _group("secondary", {"global_replication_group_id": "ldgnf-global"})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(_group("g", {}), ["automatic_failover_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "automatic_failover_enabled is unknown until apply", "resource": "aws_elasticache_replication_group.g", "attribute": "automatic_failover_enabled"}} with input as inp
}
