package tenet.aws.iam.console_mfa_test

import rego.v1

import data.tenet.aws.iam.console_mfa as check
import data.tenet.lib.fixtures

_user := fixtures.resource("aws_iam_user", "alice", {"name": "alice"})

_login := fixtures.points_at(fixtures.resource("aws_iam_user_login_profile", "alice", {}), "user", _user)

_force_mfa := json.marshal({"Version": "2012-10-17", "Statement": [
	{"Sid": "AllowViewAccountInfo", "Effect": "Allow", "Action": "iam:ListVirtualMFADevices", "Resource": "*"},
	{
		"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny",
		"NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "sts:GetSessionToken"],
		"Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
	},
]})

_read_only := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})

_group := fixtures.resource("aws_iam_group", "staff", {"name": "staff"})

_membership := fixtures.with_refs(fixtures.resource("aws_iam_user_group_membership", "alice", {"user": "alice", "groups": ["staff"]}), {"user": ["aws_iam_user.alice"], "groups": ["aws_iam_group.staff"]})

_msg := "the user has a console password (aws_iam_user_login_profile.alice), but no policy of the user or of its groups denies actions without MFA"

test_deny_console_user_without_policies if {
	check.deny == {{"msg": _msg, "resource": "aws_iam_user.alice"}} with input as fixtures.plan([_user, _login])
}

test_deny_policies_that_do_not_enforce if {
	inline := fixtures.points_at(fixtures.resource("aws_iam_user_policy", "read", {"policy": _read_only}), "user", _user)
	managed := fixtures.points_at(fixtures.resource("aws_iam_user_policy_attachment", "ro", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}), "user", _user)

	# Denying one action without MFA is not enforcement; nor is a Deny that
	# applies with MFA.
	partial := fixtures.resource("aws_iam_policy", "partial", {"arn": "arn:aws:iam::1:policy/partial", "policy": json.marshal({"Statement": [
		{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": false}}},
		{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
		{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:MultiFactorAuthPresent": "false"}}},
	]})})
	group_policy := fixtures.points_at(fixtures.resource("aws_iam_group_policy_attachment", "partial", {}), "policy_arn", partial)
	attached := fixtures.points_at(group_policy, "group", _group)
	inp := fixtures.plan([_user, _login, inline, managed, _group, _membership, partial, attached])
	check.deny == {{"msg": _msg, "resource": "aws_iam_user.alice"}} with input as inp
	check.unknown == set() with input as inp
}

test_allow_inline_user_policy if {
	inline := fixtures.points_at(fixtures.resource("aws_iam_user_policy", "mfa", {"policy": _force_mfa}), "user", _user)
	inp := fixtures.plan([_user, _login, inline])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_group_policy_in_state if {
	user := fixtures.resource("aws_iam_user", "bob", {"name": "bob", "arn": "arn:aws:iam::1:user/bob"})
	login := fixtures.resource("aws_iam_user_login_profile", "bob", {"user": "bob"})
	membership := fixtures.resource("aws_iam_group_membership", "staff", {"name": "staff-members", "group": "staff", "users": ["bob"]})
	policy := fixtures.resource("aws_iam_group_policy", "mfa", {"group": "staff", "policy": _force_mfa})
	inp := fixtures.state([user, login, _group, membership, policy])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_allow_managed_policy_through_exclusive_attachment if {
	policy := fixtures.resource("aws_iam_policy", "mfa", {"name": "force-mfa", "arn": "arn:aws:iam::1:policy/force-mfa", "policy": json.marshal({"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["false"]}}}})})
	attachment := fixtures.with_refs(fixtures.resource("aws_iam_policy_attachment", "mfa", {"name": "mfa", "policy_arn": "arn:aws:iam::1:policy/force-mfa", "groups": ["staff"]}), {"groups": ["aws_iam_group.staff"], "policy_arn": ["aws_iam_policy.mfa"]})
	direct := fixtures.resource("aws_iam_policy_attachment", "direct", {"name": "direct", "policy_arn": "arn:aws:iam::1:policy/force-mfa", "users": ["alice"]})
	inp := fixtures.plan([_user, _login, _group, _membership, policy, attachment])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_user, fixtures.resource("aws_iam_user_login_profile", "alice", {"user": "alice"}), policy, direct])
}

test_allow_users_without_console_password if {
	check.deny == set() with input as fixtures.plan([_user])
}

test_unknown_evidence_outside_the_document if {
	external := fixtures.points_at(fixtures.resource("aws_iam_user_policy_attachment", "ext", {"policy_arn": "arn:aws:iam::1:policy/security-baseline"}), "user", _user)
	undeclared := fixtures.with_refs(fixtures.resource("aws_iam_user_group_membership", "admins", {"user": "alice", "groups": ["admins"]}), {"user": ["aws_iam_user.alice"]})
	inp := fixtures.plan([_user, _login, external, undeclared])
	check.deny == set() with input as inp
	check.unknown == {{"msg": `the user has a console password; whether a policy enforces MFA is not in the document: aws_iam_user_policy_attachment.ext attaches arn:aws:iam::1:policy/security-baseline, which is not defined in the document; group "admins" is not defined in the document`, "resource": "aws_iam_user.alice"}} with input as inp
}

test_unknown_until_apply if {
	policy := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_iam_user_policy", "p", {}), "user", _user), ["policy"])
	arn := fixtures.with_unknown(fixtures.points_at(fixtures.resource("aws_iam_user_policy_attachment", "a", {}), "user", _user), ["policy_arn"])
	groups := fixtures.from_local(fixtures.with_refs(fixtures.resource("aws_iam_user_group_membership", "g", {"user": "alice"}), {"user": ["aws_iam_user.alice"]}), ["groups"])
	users := fixtures.from_local(fixtures.resource("aws_iam_group_membership", "m", {"group": "staff"}), ["users"])

	# A list whose references name other users only does not hold alice.
	others := fixtures.with_refs(fixtures.from_local(fixtures.resource("aws_iam_group_membership", "o", {"group": "ops"}), ["users"]), {"users": ["aws_iam_user.bob"]})
	mine := fixtures.with_refs(fixtures.from_local(fixtures.resource("aws_iam_group_membership", "n", {"group": "ops"}), ["users"]), {"users": ["aws_iam_user.alice"]})
	inp := fixtures.plan([_user, _login, policy, arn, groups, users, others])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "the user has a console password; whether a policy enforces MFA is not in the document: the groups of aws_iam_user_group_membership.g are unknown until apply; the policy of aws_iam_user_policy.p is unknown until apply; the policy_arn of aws_iam_user_policy_attachment.a is unknown until apply; the users of aws_iam_group_membership.m are unknown until apply", "resource": "aws_iam_user.alice"}} with input as inp
	{f.msg | some f in check.unknown} == {"the user has a console password; whether a policy enforces MFA is not in the document: group \"ops\" is not defined in the document; the users of aws_iam_group_membership.n are unknown until apply"} with input as fixtures.plan([_user, _login, mine])
}

# A group named by reference is that group, though its name is not known
# until apply (a CloudFormation !Ref of a group of the template).
test_group_by_reference if {
	membership := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_iam_user_group_membership", "alice", {"user": "alice"}), ["groups"]), {"user": ["aws_iam_user.alice"], "groups": ["aws_iam_group.staff"]})
	policy := fixtures.points_at(fixtures.resource("aws_iam_group_policy", "mfa", {"policy": _force_mfa}), "group", _group)
	inp := fixtures.plan([_user, _login, _group, membership, policy])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == {{"msg": _msg, "resource": "aws_iam_user.alice"}} with input as fixtures.plan([_user, _login, _group, membership])
}
