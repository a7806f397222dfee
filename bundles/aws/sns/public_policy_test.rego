package tenet.aws.sns.public_policy_test

import rego.v1

import data.tenet.aws.sns.public_policy as check
import data.tenet.lib.fixtures

_doc(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

_default := _doc([{
	"Sid": "__default_statement_ID",
	"Effect": "Allow",
	"Principal": {"AWS": "*"},
	"Action": ["SNS:Publish", "SNS:Subscribe"],
	"Resource": "arn:aws:sns:eu-west-1:111122223333:alerts",
	"Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}},
}])

test_deny_open_topic_policy if {
	p := fixtures.resource("aws_sns_topic_policy", "alerts", {"arn": "arn:aws:sns:eu-west-1:111122223333:alerts", "policy": _doc([{"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "sns:Publish"}])})
	check.deny == {{
		"msg": "policy statement \"Open\" allows every principal without a source or account condition",
		"resource": "aws_sns_topic_policy.alerts",
		"attribute": "policy",
	}} with input as fixtures.plan([p])
}

test_deny_open_inline_topic_policy if {
	t := fixtures.resource("aws_sns_topic", "alerts", {"name": "alerts", "policy": _doc([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Subscribe"}])})
	{f.resource | some f in check.deny} == {"aws_sns_topic.alerts"} with input as fixtures.state([t])
}

test_allow_default_and_service_policies if {
	t := fixtures.resource("aws_sns_topic", "alerts", {"name": "alerts", "policy": _default})
	computed := fixtures.computed(fixtures.with_configured(fixtures.resource("aws_sns_topic", "new", {"name": "new"}), ["name"]), ["policy"])
	s3 := fixtures.resource("aws_sns_topic_policy", "s3", {"policy": _doc([{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Publish", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::logs"}}}])})
	inp := fixtures.plan([t, computed, s3])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy_document if {
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_sns_topic_policy", "alerts", {}), ["policy"]), {"policy": ["data.aws_iam_policy_document.alerts"]})
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_sns_topic_policy.alerts", "attribute": "policy"}} with input as inp
}

test_unknown_inline_topic_policy_from_expression if {
	t := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_sns_topic", "alerts", {"name": "alerts"}), ["policy"]), {"policy": ["data.aws_iam_policy_document.alerts"]})
	inp := fixtures.plan([t])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_sns_topic.alerts"} with input as inp
}

test_allow_scoped_policy_from_known_policy_document if {
	doc := fixtures.data_source("aws_iam_policy_document", "alerts", {"statement": [{
		"effect": "Allow", "actions": ["sns:Publish"], "resources": ["*"],
		"principals": [{"type": "Service", "identifiers": ["events.amazonaws.com"]}], "condition": [],
	}]})
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_sns_topic_policy", "alerts", {}), ["policy"]), {"policy": ["data.aws_iam_policy_document.alerts"]})
	inp := fixtures.plan([p, doc])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}
