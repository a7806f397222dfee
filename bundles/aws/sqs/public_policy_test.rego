package tenet.aws.sqs.public_policy_test

import rego.v1

import data.tenet.aws.sqs.public_policy as check
import data.tenet.lib.fixtures

_doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

test_deny_open_and_wildcard_statements if {
	p := fixtures.resource("aws_sqs_queue_policy", "jobs", {"policy": _doc([
		{"Sid": "Anyone", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage"},
		{"Sid": "Admin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "SQS:*"},
	])})
	check.deny == {
		{"msg": "policy statement \"Anyone\" allows every principal without a source or account condition", "resource": "aws_sqs_queue_policy.jobs", "attribute": "policy"},
		{"msg": "policy statement \"Admin\" allows every SQS action (SQS:*)", "resource": "aws_sqs_queue_policy.jobs", "attribute": "policy"},
	} with input as fixtures.plan([p])
}

test_deny_inline_queue_policy if {
	q := fixtures.resource("aws_sqs_queue", "jobs", {"name": "jobs", "policy": _doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*"}])})
	{f.msg | some f in check.deny} == {
		"policy statement 0 allows every principal without a source or account condition",
		"policy statement 0 allows every SQS action (*)",
	} with input as fixtures.state([q])
}

test_allow_scoped_statements if {
	p := fixtures.resource("aws_sqs_queue_policy", "jobs", {"policy": _doc([
		{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:alerts"}}},
		{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}},
		{"Effect": "Deny", "Principal": "*", "Action": "sqs:*"},
	])})
	no_policy := fixtures.computed(fixtures.with_configured(fixtures.resource("aws_sqs_queue", "new", {"name": "new"}), ["name"]), ["policy"])
	inp := fixtures.plan([p, no_policy])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_sqs_queue_policy", "jobs", {}), ["policy"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_sqs_queue_policy.jobs", "attribute": "policy"}} with input as inp
}

test_unknown_inline_queue_policy_from_expression if {
	q := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_sqs_queue", "jobs", {"name": "jobs"}), ["policy"]), {"policy": ["data.aws_iam_policy_document.jobs"]})
	inp := fixtures.plan([q])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_sqs_queue.jobs"} with input as inp
}

test_deny_open_policy_from_known_policy_document if {
	doc := fixtures.data_source("aws_iam_policy_document", "jobs", {"statement": [{
		"sid": "Anyone", "effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["*"],
		"principals": [{"type": "*", "identifiers": ["*"]}], "condition": [],
	}]})
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_sqs_queue_policy", "jobs", {}), ["policy"]), {"policy": ["data.aws_iam_policy_document.jobs"]})
	inp := fixtures.plan([p, doc])
	check.deny == {{"msg": "policy statement \"Anyone\" allows every principal without a source or account condition", "resource": "aws_sqs_queue_policy.jobs", "attribute": "policy"}} with input as inp
	check.unknown == set() with input as inp
}
