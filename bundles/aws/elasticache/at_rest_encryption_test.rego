package tenet.aws.elasticache.at_rest_encryption_test

import rego.v1

import data.tenet.aws.elasticache.at_rest_encryption as check
import data.tenet.lib.fixtures

_group(name, values) := fixtures.resource("aws_elasticache_replication_group", name, object.union({"replication_group_id": name, "description": name, "node_type": "cache.t4g.small"}, values))

test_deny_unencrypted if {
	v5 := _group("v5", {"engine": "redis", "at_rest_encryption_enabled": false})
	v6 := _group("v6", {"engine": "redis", "at_rest_encryption_enabled": "false"})
	left_out := fixtures.computed(_group("default", {"engine": "redis"}), ["at_rest_encryption_enabled"])
	check.deny == {
		{"msg": "at_rest_encryption_enabled is false: cached data is stored unencrypted", "resource": "aws_elasticache_replication_group.v5", "attribute": "at_rest_encryption_enabled"},
		{"msg": "at_rest_encryption_enabled is false: cached data is stored unencrypted", "resource": "aws_elasticache_replication_group.v6", "attribute": "at_rest_encryption_enabled"},
		{"msg": "at_rest_encryption_enabled is left out: Redis OSS replication groups are then stored unencrypted", "resource": "aws_elasticache_replication_group.default", "attribute": "at_rest_encryption_enabled"},
	} with input as fixtures.plan([v5, v6, left_out])

	# Provider v6 writes "" for a flag left out; the engine defaults to Redis OSS.
	empty := _group("empty", {"at_rest_encryption_enabled": ""})
	{f.resource | some f in check.deny} == {"aws_elasticache_replication_group.empty"} with input as fixtures.state([empty, _group("valkey", {"engine": "valkey", "at_rest_encryption_enabled": null})])
}

test_allow_encrypted_valkey_and_secondaries if {
	inp := fixtures.plan([
		_group("on", {"engine": "redis", "at_rest_encryption_enabled": true}),
		_group("on6", {"engine": "redis", "at_rest_encryption_enabled": "true"}),
		fixtures.computed(_group("valkey", {"engine": "valkey"}), ["at_rest_encryption_enabled"]),
		_group("secondary", {"global_replication_group_id": "ldgnf-global", "at_rest_encryption_enabled": ""}),
		fixtures.with_refs(fixtures.computed(_group("joined", {}), ["global_replication_group_id", "at_rest_encryption_enabled"]), {"global_replication_group_id": ["aws_elasticache_global_replication_group.g"]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag_or_engine if {
	flag := fixtures.from_local(_group("flag", {"engine": "redis"}), ["at_rest_encryption_enabled"])
	engine := fixtures.from_local(fixtures.computed(_group("engine", {}), ["at_rest_encryption_enabled"]), ["engine"])
	inp := fixtures.plan([flag, engine])
	check.deny == set() with input as inp
	check.unknown == {
		{"msg": "at_rest_encryption_enabled is unknown until apply", "resource": "aws_elasticache_replication_group.flag", "attribute": "at_rest_encryption_enabled"},
		{"msg": "at_rest_encryption_enabled is left to the API, whose default depends on the engine, which is unknown until apply", "resource": "aws_elasticache_replication_group.engine", "attribute": "engine"},
	} with input as inp
}
