package tenet.aws.rds.auto_minor_upgrade_test

import rego.v1

import data.tenet.aws.rds.auto_minor_upgrade as check
import data.tenet.lib.fixtures

test_deny_disabled if {
	db := fixtures.resource("aws_db_instance", "main", {"engine": "postgres", "auto_minor_version_upgrade": false})
	member := fixtures.resource("aws_rds_cluster_instance", "one", {"engine": "aurora-mysql", "auto_minor_version_upgrade": false})
	check.deny == {
		{"msg": "auto_minor_version_upgrade is false: minor engine fixes are not applied", "resource": "aws_db_instance.main", "attribute": "auto_minor_version_upgrade"},
		{"msg": "auto_minor_version_upgrade is false: minor engine fixes are not applied", "resource": "aws_rds_cluster_instance.one", "attribute": "auto_minor_version_upgrade"},
	} with input as fixtures.plan([db, member])
}

test_allow_enabled_or_default if {
	a := fixtures.resource("aws_db_instance", "a", {"engine": "postgres", "auto_minor_version_upgrade": true})
	b := fixtures.resource("aws_db_instance", "b", {"engine": "mysql"})
	check.deny == set() with input as fixtures.state([a, b])
}

test_unknown_setting if {
	db := fixtures.with_unknown(fixtures.resource("aws_db_instance", "main", {"engine": "postgres"}), ["auto_minor_version_upgrade"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.main"} with input as inp
}
