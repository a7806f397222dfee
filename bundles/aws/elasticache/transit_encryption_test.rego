package tenet.aws.elasticache.transit_encryption_test

import rego.v1

import data.tenet.aws.elasticache.transit_encryption as check
import data.tenet.lib.fixtures

_group(name, values) := fixtures.resource("aws_elasticache_replication_group", name, object.union({"replication_group_id": name, "description": name}, values))

_msg := "transit_encryption_enabled is not true: clients and nodes talk in clear text"

test_deny_without_tls if {
	check.deny == {
		{"msg": _msg, "resource": "aws_elasticache_replication_group.off", "attribute": "transit_encryption_enabled"},
		{"msg": _msg, "resource": "aws_elasticache_replication_group.default", "attribute": "transit_encryption_enabled"},
	} with input as fixtures.plan([_group("off", {"transit_encryption_enabled": false}), fixtures.computed(_group("default", {}), ["transit_encryption_enabled"])])
}

test_allow_tls_and_secondaries if {
	inp := fixtures.state([_group("on", {"transit_encryption_enabled": true}), _group("secondary", {"global_replication_group_id": "ldgnf-global", "transit_encryption_enabled": false})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	joined := fixtures.with_refs(fixtures.computed(_group("joined", {}), ["global_replication_group_id", "transit_encryption_enabled"]), {"global_replication_group_id": ["aws_elasticache_global_replication_group.g"]})
	check.deny == set() with input as fixtures.plan([joined])
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(_group("g", {}), ["transit_encryption_enabled"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "transit_encryption_enabled is unknown until apply", "resource": "aws_elasticache_replication_group.g", "attribute": "transit_encryption_enabled"}} with input as inp
}
