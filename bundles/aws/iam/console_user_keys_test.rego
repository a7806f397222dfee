package tenet.aws.iam.console_user_keys_test

import rego.v1

import data.tenet.aws.iam.console_user_keys as check
import data.tenet.lib.fixtures

_user := fixtures.resource("aws_iam_user", "alice", {"name": "alice"})

_login := fixtures.points_at(fixtures.resource("aws_iam_user_login_profile", "alice", {}), "user", _user)

_key := fixtures.points_at(fixtures.resource("aws_iam_access_key", "alice", {"status": "Active"}), "user", _user)

test_deny_key_and_login_created_together if {
	check.deny == {{"msg": "aws_iam_access_key.alice is created together with the console login aws_iam_user_login_profile.alice", "resource": "aws_iam_user.alice"}} with input as fixtures.plan([_user, _login, _key])
}

test_allow_login_only if {
	check.deny == set() with input as fixtures.plan([_user, _login])
}

test_allow_key_added_later if {
	check.deny == set() with input as fixtures.plan([_user, fixtures.with_action(_login, "no-op"), _key])
}

test_allow_state if {
	login := fixtures.patch(fixtures.resource("aws_iam_user_login_profile", "alice", {}), {"values": {"user": "alice"}})
	key := fixtures.patch(fixtures.resource("aws_iam_access_key", "alice", {}), {"values": {"user": "alice"}})
	check.deny == set() with input as fixtures.state([_user, login, key])
}

test_deny_template_declaring_both if {
	applied := [object.union(r, {"action": "apply"}) | some r in [_user, _login, _key]]
	count(check.deny) == 1 with input as fixtures.plan(applied)
}
