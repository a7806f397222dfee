package tenet.aws.iam.password_max_age_test

import rego.v1

import data.tenet.aws.iam.password_max_age as check
import data.tenet.lib.fixtures

_policy(values) := fixtures.resource("aws_iam_account_password_policy", "p", values)

test_deny_too_long if {
	check.deny == {{"msg": "max_password_age is 365: passwords must expire within 90 days", "resource": "aws_iam_account_password_policy.p", "attribute": "max_password_age"}} with input as fixtures.plan([_policy({"max_password_age": 365})])
}

test_deny_never_expires if {
	{f.msg | some f in check.deny} == {"max_password_age is 0: passwords must expire within 90 days"} with input as fixtures.state([_policy({"max_password_age": 0})])
	{f.resource | some f in check.deny} == {"aws_iam_account_password_policy.p"} with input as fixtures.state([_policy({})])
}

test_allow_90 if {
	check.deny == set() with input as fixtures.plan([_policy({"max_password_age": 90})])
}

test_unknown_age if {
	p := fixtures.with_unknown(_policy({}), ["max_password_age"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"max_password_age"} with input as fixtures.plan([p])
}
