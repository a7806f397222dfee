package tenet.aws.iam.password_reuse_test

import rego.v1

import data.tenet.aws.iam.password_reuse as check
import data.tenet.lib.fixtures

_policy(values) := fixtures.resource("aws_iam_account_password_policy", "strict", values)

test_deny_short if {
	check.deny == {{"msg": "password_reuse_prevention is 5, below 24", "resource": "aws_iam_account_password_policy.strict", "attribute": "password_reuse_prevention"}} with input as fixtures.plan([_policy({"password_reuse_prevention": 5})])
}

test_deny_unset if {
	{f.msg | some f in check.deny} == {"password_reuse_prevention is unset, below 24"} with input as fixtures.state([_policy({})])
}

test_allow_24 if {
	check.deny == set() with input as fixtures.plan([_policy({"password_reuse_prevention": 24})])
}

test_unknown_reuse_prevention if {
	p := fixtures.with_unknown(_policy({}), ["password_reuse_prevention"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"password_reuse_prevention"} with input as fixtures.plan([p])
}
