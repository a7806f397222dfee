package tenet.aws.docdb.audit_logs_test

import rego.v1

import data.tenet.aws.docdb.audit_logs as check
import data.tenet.lib.fixtures

test_deny_without_audit if {
	docdb := fixtures.resource("aws_docdb_cluster", "docs", {"enabled_cloudwatch_logs_exports": ["profiler"]})
	neptune := fixtures.resource("aws_neptune_cluster", "graph", {"enable_cloudwatch_logs_exports": null})
	check.deny == {
		{"msg": `enabled_cloudwatch_logs_exports does not list "audit": audit events are not exported to CloudWatch Logs`, "resource": "aws_docdb_cluster.docs", "attribute": "enabled_cloudwatch_logs_exports"},
		{"msg": `enable_cloudwatch_logs_exports does not list "audit": audit events are not exported to CloudWatch Logs`, "resource": "aws_neptune_cluster.graph", "attribute": "enable_cloudwatch_logs_exports"},
	} with input as fixtures.state([docdb, neptune])
}

test_allow_audit if {
	inp := fixtures.plan([
		fixtures.resource("aws_docdb_cluster", "docs", {"enabled_cloudwatch_logs_exports": ["audit", "profiler"]}),
		fixtures.resource("aws_neptune_cluster", "graph", {"enable_cloudwatch_logs_exports": ["audit"]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_list if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_neptune_cluster", "graph", {}), ["enable_cloudwatch_logs_exports"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "enable_cloudwatch_logs_exports is unknown until apply", "resource": "aws_neptune_cluster.graph", "attribute": "enable_cloudwatch_logs_exports"}} with input as inp
}
