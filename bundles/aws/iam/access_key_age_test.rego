package tenet.aws.iam.access_key_age_test

import rego.v1

import data.tenet.aws.iam.access_key_age as check
import data.tenet.lib.fixtures

_now := time.parse_rfc3339_ns("2026-06-01T00:00:00Z")

_key(status, created) := fixtures.resource("aws_iam_access_key", "k", {"user": "ci", "status": status, "create_date": created})

test_deny_old_active_key if {
	check.deny == {{"msg": "the active key was created 151 days ago (more than 90)", "resource": "aws_iam_access_key.k", "attribute": "create_date"}} with input as fixtures.state([_key("Active", "2026-01-01T00:00:00Z")])
		with time.now_ns as _now
}

test_allow_recent_or_inactive if {
	check.deny == set() with input as fixtures.state([_key("Active", "2026-04-01T00:00:00Z")]) with time.now_ns as _now
	check.deny == set() with input as fixtures.state([_key("Inactive", "2020-01-01T00:00:00Z")]) with time.now_ns as _now
}

test_allow_key_created_by_plan if {
	k := fixtures.with_unknown(fixtures.resource("aws_iam_access_key", "k", {"user": "ci", "status": "Active"}), ["create_date", "id", "secret"])
	check.deny == set() with input as fixtures.plan([k]) with time.now_ns as _now
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_status_of_old_key_through_local if {
	k := fixtures.from_local(fixtures.resource("aws_iam_access_key", "k", {"user": "ci", "create_date": "2020-01-01T00:00:00Z"}), ["status"])
	check.deny == set() with input as fixtures.plan([k])
	{f.attribute | some f in check.unknown} == {"status"} with input as fixtures.plan([k])
}
