package tenet.aws.efs.access_point_root_test

import rego.v1

import data.tenet.aws.efs.access_point_root as check
import data.tenet.lib.fixtures

_msg := "the access point's root directory is /: clients see the whole file system"

test_deny_root if {
	none := fixtures.resource("aws_efs_access_point", "app", {"file_system_id": "fs-1", "root_directory": []})
	slash := fixtures.resource("aws_efs_access_point", "slash", {"file_system_id": "fs-1", "root_directory": [{"path": "/"}]})
	check.deny == {
		{"msg": _msg, "resource": "aws_efs_access_point.app", "attribute": "root_directory.path"},
		{"msg": _msg, "resource": "aws_efs_access_point.slash", "attribute": "root_directory.path"},
	} with input as fixtures.state([none, slash])

	# Left out in a plan, the path is computed: /.
	computed := fixtures.computed(fixtures.resource("aws_efs_access_point", "app", {"file_system_id": "fs-1"}), ["root_directory"])
	count(check.deny) == 1 with input as fixtures.plan([computed])
}

test_allow_subdirectory if {
	inp := fixtures.plan([fixtures.resource("aws_efs_access_point", "app", {"root_directory": [{"path": "/app", "creation_info": [{"owner_uid": 1000, "owner_gid": 1000, "permissions": "750"}]}]})])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_path if {
	inp := fixtures.plan([fixtures.from_local(fixtures.resource("aws_efs_access_point", "app", {"root_directory": [{}]}), ["root_directory.0.path"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "root_directory.path is unknown until apply", "resource": "aws_efs_access_point.app", "attribute": "root_directory.path"}} with input as inp
}
