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
	}} with input as fixtures.plan([fixtures.computed(_cluster({}), ["server_side_encryption"])])
}

# Set through a dynamic block or a local, the block is unknown until apply;
# without the configuration nothing shows that it is left out.
test_unknown_block_set_or_without_configuration if {
	inp := fixtures.plan([
		fixtures.from_local(_cluster({}), ["server_side_encryption"]),
		fixtures.patch(fixtures.with_unknown(_cluster({}), ["server_side_encryption"]), {"address": "aws_dax_cluster.other"}),
	])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_dax_cluster.cache", "aws_dax_cluster.other"} with input as inp
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
