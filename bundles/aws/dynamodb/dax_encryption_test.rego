package tenet.aws.dynamodb.dax_encryption_test

import rego.v1

import data.tenet.aws.dynamodb.dax_encryption as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("aws_dax_cluster", "cache", object.union({"cluster_name": "cache", "node_type": "dax.r5.large"}, values))

test_deny_without_encryption if {
	check.deny == {{
		"msg": "server_side_encryption.enabled is not true: the cache is not encrypted at rest",
		"resource": "aws_dax_cluster.cache",
		"attribute": "server_side_encryption.enabled",
	}} with input as fixtures.plan([fixtures.with_unknown(_cluster({}), ["server_side_encryption"])])
}

test_deny_disabled if {
	{f.resource | some f in check.deny} == {"aws_dax_cluster.cache"} with input as fixtures.state([_cluster({"server_side_encryption": [{"enabled": false}]})])
}

test_allow_encrypted if {
	check.deny == set() with input as fixtures.plan([_cluster({"server_side_encryption": [{"enabled": true}]})])
}

test_unknown_enabled if {
	c := fixtures.with_unknown(_cluster({"server_side_encryption": [{}]}), ["server_side_encryption.0.enabled"])
	inp := fixtures.plan([c])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_dax_cluster.cache"} with input as inp
}
