package tenet.aws.docdb.storage_encrypted_test

import rego.v1

import data.tenet.aws.docdb.storage_encrypted as check
import data.tenet.lib.fixtures

_msg := "storage_encrypted is not true: the cluster's storage is not encrypted"

test_deny_unencrypted if {
	docdb := fixtures.resource("aws_docdb_cluster", "docs", {"cluster_identifier": "docs", "storage_encrypted": false})
	neptune := fixtures.resource("aws_neptune_cluster", "graph", {"cluster_identifier": "graph"})
	check.deny == {
		{"msg": _msg, "resource": "aws_docdb_cluster.docs", "attribute": "storage_encrypted"},
		{"msg": _msg, "resource": "aws_neptune_cluster.graph", "attribute": "storage_encrypted"},
	} with input as fixtures.state([docdb, neptune])
}

test_allow_encrypted if {
	inp := fixtures.plan([
		fixtures.resource("aws_docdb_cluster", "docs", {"storage_encrypted": true}),
		fixtures.resource("aws_neptune_cluster", "graph", {"storage_encrypted": true, "kms_key_arn": "arn:aws:kms:us-east-1:1:key/k"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_neptune_cluster", "graph", {}), ["storage_encrypted"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "storage_encrypted is unknown until apply", "resource": "aws_neptune_cluster.graph", "attribute": "storage_encrypted"}} with input as inp
}
