package tenet.aws.s3.access_logging_test

import rego.v1

import data.tenet.aws.s3.access_logging as check
import data.tenet.lib.fixtures

_bucket(name) := fixtures.with_unknown(fixtures.resource("aws_s3_bucket", name, {"bucket": name}), ["id", "logging"])

test_deny_without_logging if {
	check.deny == {{"msg": "server access logging is not enabled (no logging target_bucket)", "resource": "aws_s3_bucket.app"}} with input as fixtures.plan([_bucket("app")])
}

test_deny_logging_for_another_bucket if {
	app := _bucket("app")
	other := _bucket("other")
	l := fixtures.points_at(fixtures.resource("aws_s3_bucket_logging", "other", {"target_bucket": "central-logs"}), "bucket", other)
	{f.resource | some f in check.deny} == {"aws_s3_bucket.app"} with input as fixtures.plan([app, other, l])
}

test_allow_v4_logging_and_log_bucket if {
	app := _bucket("app")
	logs := _bucket("logs")
	l := fixtures.points_at(fixtures.points_at(fixtures.resource("aws_s3_bucket_logging", "app", {"target_prefix": "app/"}), "bucket", app), "target_bucket", logs)
	check.deny == set() with input as fixtures.plan([app, logs, l])
}

test_allow_v3_inline_in_state if {
	b := fixtures.resource("aws_s3_bucket", "app", {"bucket": "app", "logging": [{"target_bucket": "central-logs", "target_prefix": ""}]})
	check.deny == set() with input as fixtures.state([b])
}

test_deny_v3_empty_target_in_state if {
	b := fixtures.resource("aws_s3_bucket", "app", {"bucket": "app", "logging": []})
	{f.resource | some f in check.deny} == {"aws_s3_bucket.app"} with input as fixtures.state([b])
}

test_allow_checkov_plan_v3_target_by_reference if {
	logs := fixtures.resource("aws_s3_bucket", "logs", {"bucket": "logs", "logging": []})
	ds := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_s3_bucket", "data_science", {"bucket": "ds", "logging": [{"target_prefix": "log/"}]}), ["logging.0.target_bucket"]),
		{"logging.target_bucket": ["aws_s3_bucket.logs"]},
	)
	check.deny == set() with input as fixtures.plan([logs, ds])
}

test_unknown_logging_written_but_undecided if {
	b := object.union(_bucket("app"), {"configured": ["logging"]})
	check.deny == set() with input as fixtures.plan([b])
	check.unknown == {{"msg": "logging is unknown until apply", "resource": "aws_s3_bucket.app", "attribute": "logging"}} with input as fixtures.plan([b])
}

test_computed_logging_block_is_not_unknown if {
	b := object.union(_bucket("app"), {"configured": ["bucket"]})
	check.unknown == set() with input as fixtures.plan([b])
	count(check.deny) == 1 with input as fixtures.plan([b])
}
