package tenet.aws.s3.account_public_access_block_test

import rego.v1

import data.tenet.aws.s3.account_public_access_block as check
import data.tenet.lib.fixtures

_all := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_deny_flag_off if {
	a := fixtures.resource("aws_s3_account_public_access_block", "this", object.union(_all, {"ignore_public_acls": false}))
	check.deny == {{"msg": "ignore_public_acls is not true", "resource": "aws_s3_account_public_access_block.this", "attribute": "ignore_public_acls"}} with input as fixtures.plan([a])
}

test_deny_flags_missing if {
	a := fixtures.resource("aws_s3_account_public_access_block", "this", {"block_public_acls": true})
	{f.attribute | some f in check.deny} == {"block_public_policy", "ignore_public_acls", "restrict_public_buckets"} with input as fixtures.state([a])
}

test_allow_all_on if {
	check.deny == set() with input as fixtures.plan([fixtures.resource("aws_s3_account_public_access_block", "this", _all)])
}

test_unknown_flag if {
	a := fixtures.with_unknown(fixtures.resource("aws_s3_account_public_access_block", "this", object.remove(_all, {"block_public_policy"})), ["block_public_policy"])
	check.deny == set() with input as fixtures.plan([a])
	{f.attribute | some f in check.unknown} == {"block_public_policy"} with input as fixtures.plan([a])
}
