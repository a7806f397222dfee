package tenet.aws.iam.support_role_test

import rego.v1

import data.tenet.aws.iam.support_role as check
import data.tenet.lib.fixtures

_baseline := fixtures.resource("aws_iam_account_password_policy", "this", {"minimum_password_length": 14})

test_deny_baseline_without_support_access if {
	r := fixtures.resource("aws_iam_role_policy_attachment", "ro", {"role": "audit", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	check.deny == {{"msg": "no role, user or group in this configuration has the AWSSupportAccess managed policy", "resource": "aws_iam_account_password_policy.this"}} with input as fixtures.plan([_baseline, r])
}

test_allow_support_role if {
	r := fixtures.resource("aws_iam_role_policy_attachment", "support", {"role": "support", "policy_arn": "arn:aws:iam::aws:policy/AWSSupportAccess"})
	check.deny == set() with input as fixtures.plan([_baseline, r])
}

test_allow_support_in_managed_policy_arns if {
	r := fixtures.resource("aws_iam_role", "support", {"managed_policy_arns": ["arn:aws:iam::aws:policy/AWSSupportAccess"]})
	check.deny == set() with input as fixtures.state([_baseline, r])
}

test_allow_without_baseline if {
	check.deny == set() with input as fixtures.plan([fixtures.resource("aws_iam_role", "app", {"name": "app"})])
}

test_unknown_attachment_arn if {
	a := fixtures.with_unknown(fixtures.resource("aws_iam_group_policy_attachment", "g", {"group": "g"}), ["policy_arn"])
	check.deny == set() with input as fixtures.plan([_baseline, a])
	check.unknown == {{"msg": "policy_arn of aws_iam_group_policy_attachment.g is unknown until apply", "resource": "aws_iam_account_password_policy.this"}} with input as fixtures.plan([_baseline, a])
}
