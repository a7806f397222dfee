package tenet.aws.sqs.encryption_test

import rego.v1

import data.tenet.aws.sqs.encryption as check
import data.tenet.lib.fixtures

_queue(name, values) := fixtures.resource("aws_sqs_queue", name, object.union({"name": name}, values))

test_deny_unencrypted_queue if {
	check.deny == {{
		"msg": "sqs_managed_sse_enabled is false and kms_master_key_id is not set: messages are not encrypted",
		"resource": "aws_sqs_queue.jobs",
		"attribute": "sqs_managed_sse_enabled",
	}} with input as fixtures.state([_queue("jobs", {"sqs_managed_sse_enabled": false, "kms_master_key_id": ""})])
}

test_allow_sse_sqs_kms_or_default if {
	inp := fixtures.plan([
		_queue("a", {"sqs_managed_sse_enabled": true}),
		_queue("b", {"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/aws/sqs"}),
		fixtures.computed(_queue("c", {}), ["sqs_managed_sse_enabled"]),
		fixtures.with_unknown(_queue("d", {"sqs_managed_sse_enabled": false}), ["kms_master_key_id"]),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flag_from_expression if {
	q := fixtures.with_refs(fixtures.with_unknown(_queue("jobs", {}), ["sqs_managed_sse_enabled"]), {"sqs_managed_sse_enabled": ["data.external.cfg"]})
	inp := fixtures.plan([q])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_sqs_queue.jobs"} with input as inp
}
