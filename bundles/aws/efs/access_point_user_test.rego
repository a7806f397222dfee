package tenet.aws.efs.access_point_user_test

import rego.v1

import data.tenet.aws.efs.access_point_user as check
import data.tenet.lib.fixtures

test_deny_without_user if {
	check.deny == {{"msg": "the access point enforces no posix_user: clients act as whatever user they claim", "resource": "aws_efs_access_point.app", "attribute": "posix_user"}} with input as fixtures.plan([fixtures.resource("aws_efs_access_point", "app", {"posix_user": []})])
}

test_allow_user if {
	inp := fixtures.state([fixtures.resource("aws_efs_access_point", "app", {"posix_user": [{"uid": 1000, "gid": 1000}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_block if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_efs_access_point", "app", {}), ["posix_user"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "posix_user is unknown until apply", "resource": "aws_efs_access_point.app", "attribute": "posix_user"}} with input as inp
}
