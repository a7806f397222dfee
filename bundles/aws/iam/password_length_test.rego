package tenet.aws.iam.password_length_test

import rego.v1

import data.tenet.aws.iam.password_length as check
import data.tenet.lib.fixtures

_policy(values) := fixtures.resource("aws_iam_account_password_policy", "strict", values)

test_deny_short if {
	check.deny == {{"msg": "minimum_password_length is 8, below 14", "resource": "aws_iam_account_password_policy.strict", "attribute": "minimum_password_length"}} with input as fixtures.plan([_policy({"minimum_password_length": 8})])
}

test_deny_unset if {
	{f.msg | some f in check.deny} == {"minimum_password_length is unset, below 14"} with input as fixtures.state([_policy({})])
}

test_allow_14 if {
	check.deny == set() with input as fixtures.plan([_policy({"minimum_password_length": 14})])
}

test_unknown_length if {
	p := fixtures.with_unknown(_policy({}), ["minimum_password_length"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"minimum_password_length"} with input as fixtures.plan([p])
}
