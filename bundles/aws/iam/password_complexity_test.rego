package tenet.aws.iam.password_complexity_test

import rego.v1

import data.tenet.aws.iam.password_complexity as check
import data.tenet.lib.fixtures

_all := {"require_uppercase_characters": true, "require_lowercase_characters": true, "require_numbers": true, "require_symbols": true}

_policy(values) := fixtures.resource("aws_iam_account_password_policy", "p", values)

test_deny_symbols_off if {
	check.deny == {{"msg": "require_symbols is not true", "resource": "aws_iam_account_password_policy.p", "attribute": "require_symbols"}} with input as fixtures.plan([_policy(object.union(_all, {"require_symbols": false}))])
}

test_deny_unset if {
	count(check.deny) == 4 with input as fixtures.state([_policy({})])
}

test_allow_all if {
	check.deny == set() with input as fixtures.plan([_policy(_all)])
}

test_unknown_flag if {
	p := fixtures.with_unknown(_policy(object.remove(_all, {"require_numbers"})), ["require_numbers"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"require_numbers"} with input as fixtures.plan([p])
}
