package tenet.aws.iam.admin_policy_test

import rego.v1

import data.tenet.aws.iam.admin_policy as check
import data.tenet.lib.fixtures

_policy(type, statements) := fixtures.resource(type, "p", {"name": "p", "policy": json.marshal({"Version": "2012-10-17", "Statement": statements})})

test_deny_admin_statement_object if {
	p := fixtures.resource("aws_iam_policy", "admin", {"policy": `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`})
	check.deny == {{"msg": "statement 0 allows every action on every resource", "resource": "aws_iam_policy.admin", "attribute": "policy"}} with input as fixtures.plan([p])
}

test_deny_admin_statement_in_list_with_sid if {
	p := _policy("aws_iam_role_policy", [
		{"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]},
		{"Sid": "Everything", "Effect": "Allow", "Action": ["*:*"], "Resource": ["arn:aws:s3:::x", "*"]},
	])
	check.deny == {{"msg": `statement "Everything" allows every action on every resource`, "resource": "aws_iam_role_policy.p", "attribute": "policy"}} with input as fixtures.plan([p])
}

test_deny_every_inline_policy_type if {
	st := [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
	inp := fixtures.state([_policy("aws_iam_user_policy", st), _policy("aws_iam_group_policy", st)])
	{f.resource | some f in check.deny} == {"aws_iam_user_policy.p", "aws_iam_group_policy.p"} with input as inp
}

test_warn_admin_statement_with_condition if {
	p := _policy("aws_iam_policy", [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	{f.resource | some f in check.warn} == {"aws_iam_policy.p"} with input as inp
}

test_allow_scoped_policies if {
	inp := fixtures.plan([
		_policy("aws_iam_policy", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]),
		_policy("aws_iam_role_policy", [{"Effect": "Deny", "Action": "*", "Resource": "*"}]),
		_policy("aws_iam_user_policy", [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]),
		fixtures.resource("aws_iam_group_policy", "broken", {"policy": "{not json"}),
	])
	check.deny == set() with input as inp
	check.warn == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy if {
	p := fixtures.with_unknown(fixtures.resource("aws_iam_policy", "p", {"name": "p"}), ["policy"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "policy is unknown until apply", "resource": "aws_iam_policy.p", "attribute": "policy"}} with input as inp
}
