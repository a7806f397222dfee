package tenet.aws.opensearch.audit_logs_test

import rego.v1

import data.tenet.aws.opensearch.audit_logs as check
import data.tenet.lib.fixtures

_domain(type, options) := fixtures.resource(type, "search", {"domain_name": "search", "log_publishing_options": options})

_msg := "no enabled log_publishing_options of log_type AUDIT_LOGS: the domain keeps no audit log"

test_deny_without_audit_logs if {
	check.deny == {{"msg": _msg, "resource": "aws_elasticsearch_domain.search", "attribute": "log_publishing_options"}} with input as fixtures.plan([_domain("aws_elasticsearch_domain", [])])
	disabled := _domain("aws_opensearch_domain", [{"log_type": "AUDIT_LOGS", "enabled": false, "cloudwatch_log_group_arn": "arn"}, {"log_type": "ES_APPLICATION_LOGS", "enabled": true, "cloudwatch_log_group_arn": "arn"}])
	count(check.deny) == 1 with input as fixtures.state([disabled])
}

test_allow_audit_logs if {
	inp := fixtures.plan([_domain("aws_opensearch_domain", [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn"}])])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_values if {
	block := fixtures.from_local(fixtures.resource("aws_opensearch_domain", "search", {}), ["log_publishing_options"])
	check.unknown == {{"msg": "log_publishing_options is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "log_publishing_options"}} with input as fixtures.plan([block])
	check.deny == set() with input as fixtures.plan([block])
	kind := fixtures.from_local(_domain("aws_opensearch_domain", [{"cloudwatch_log_group_arn": "arn"}]), ["log_publishing_options.0.log_type"])
	check.unknown == {{"msg": "log_publishing_options.0.log_type is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "log_publishing_options.0.log_type"}} with input as fixtures.plan([kind])
}

# An audit log whose enabled is known only after apply may be off.
test_unknown_enabled if {
	audit := fixtures.from_local(_domain("aws_opensearch_domain", [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn"}]), ["log_publishing_options.0.enabled"])
	check.deny == set() with input as fixtures.plan([audit])
	check.unknown == {{"msg": "log_publishing_options.0.enabled is unknown until apply", "resource": "aws_opensearch_domain.search", "attribute": "log_publishing_options.0.enabled"}} with input as fixtures.plan([audit])
}
