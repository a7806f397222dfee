package tenet.aws.docdb.backup_retention_test

import rego.v1

import data.tenet.aws.docdb.backup_retention as check
import data.tenet.lib.fixtures

test_deny_short_retention if {
	docdb := fixtures.resource("aws_docdb_cluster", "docs", {"backup_retention_period": 1})
	neptune := fixtures.resource("aws_neptune_cluster", "graph", {})
	check.deny == {
		{"msg": "backup_retention_period is 1 day(s), below the minimum of 7", "resource": "aws_docdb_cluster.docs", "attribute": "backup_retention_period"},
		{"msg": "backup_retention_period is 1 day(s), below the minimum of 7", "resource": "aws_neptune_cluster.graph", "attribute": "backup_retention_period"},
	} with input as fixtures.state([docdb, neptune])
}

test_allow_a_week_or_more if {
	inp := fixtures.plan([
		fixtures.resource("aws_docdb_cluster", "docs", {"backup_retention_period": 7}),
		fixtures.resource("aws_neptune_cluster", "graph", {"backup_retention_period": 35}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_retention if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_docdb_cluster", "docs", {}), ["backup_retention_period"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "backup_retention_period is unknown until apply", "resource": "aws_docdb_cluster.docs", "attribute": "backup_retention_period"}} with input as inp
}
