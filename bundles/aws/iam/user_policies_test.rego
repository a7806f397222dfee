package tenet.aws.iam.user_policies_test

import rego.v1

import data.tenet.aws.iam.user_policies as check
import data.tenet.lib.fixtures

test_deny_user_policy_and_attachment if {
	inp := fixtures.plan([
		fixtures.resource("aws_iam_user_policy", "u", {"user": "alice", "policy": "{}"}),
		fixtures.resource("aws_iam_user_policy_attachment", "u", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
	])
	check.deny == {
		{"msg": "an inline policy is attached directly to a user", "resource": "aws_iam_user_policy.u"},
		{"msg": "a managed policy is attached directly to a user", "resource": "aws_iam_user_policy_attachment.u", "attribute": "user"},
	} with input as inp
}

test_deny_policy_attachment_with_users if {
	a := fixtures.resource("aws_iam_policy_attachment", "a", {"users": ["alice"], "roles": [], "groups": []})
	{f.resource | some f in check.deny} == {"aws_iam_policy_attachment.a"} with input as fixtures.state([a])
}

test_allow_groups_and_roles if {
	inp := fixtures.plan([
		fixtures.resource("aws_iam_policy_attachment", "a", {"users": [], "roles": ["r"], "groups": ["g"]}),
		fixtures.resource("aws_iam_policy_attachment", "b", {"users": null, "groups": ["g"]}),
		fixtures.resource("aws_iam_group_policy_attachment", "g", {"group": "g"}),
	])
	check.deny == set() with input as inp
}

test_unknown_users if {
	a := fixtures.with_unknown(fixtures.resource("aws_iam_policy_attachment", "a", {"roles": ["r"]}), ["users"])
	check.deny == set() with input as fixtures.plan([a])
	{f.attribute | some f in check.unknown} == {"users"} with input as fixtures.plan([a])
}

test_allow_regula_user_attached_policy_blank_users if {
	a := fixtures.resource("aws_iam_policy_attachment", "valid_group_policy_attachment_blank_users", {"users": [""], "groups": ["g"]})
	check.deny == set() with input as fixtures.plan([a])
}
