package tenet.aws.docdb.deletion_protection_test

import rego.v1

import data.tenet.aws.docdb.deletion_protection as check
import data.tenet.lib.fixtures

test_deny_unprotected if {
	docdb := fixtures.resource("aws_docdb_cluster", "docs", {"deletion_protection": false})
	neptune := fixtures.resource("aws_neptune_cluster", "graph", {})
	{f.resource | some f in check.deny} == {"aws_docdb_cluster.docs", "aws_neptune_cluster.graph"} with input as fixtures.state([docdb, neptune])
	check.deny == {{"msg": "deletion_protection is not true: the cluster can be deleted in one step", "resource": "aws_docdb_cluster.docs", "attribute": "deletion_protection"}} with input as fixtures.plan([docdb])
}

test_allow_protected if {
	inp := fixtures.plan([
		fixtures.resource("aws_docdb_cluster", "docs", {"deletion_protection": true}),
		fixtures.resource("aws_neptune_cluster", "graph", {"deletion_protection": true}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_docdb_cluster", "docs", {}), ["deletion_protection"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "deletion_protection is unknown until apply", "resource": "aws_docdb_cluster.docs", "attribute": "deletion_protection"}} with input as inp
}
