package tenet.aws.rds.deletion_protection_test

import rego.v1

import data.tenet.aws.rds.deletion_protection as check
import data.tenet.lib.fixtures

test_deny_missing_or_false if {
	db := fixtures.resource("aws_db_instance", "main", {"engine": "mysql"})
	c := fixtures.resource("aws_rds_cluster", "aurora", {"engine": "aurora-postgresql", "deletion_protection": false})
	check.deny == {
		{"msg": "deletion_protection is not true", "resource": "aws_db_instance.main", "attribute": "deletion_protection"},
		{"msg": "deletion_protection is not true", "resource": "aws_rds_cluster.aurora", "attribute": "deletion_protection"},
	} with input as fixtures.plan([db, c])
}

test_allow_protected_and_members if {
	db := fixtures.resource("aws_db_instance", "main", {"engine": "mysql", "deletion_protection": true})
	member := fixtures.resource("aws_db_instance", "member", {"engine": "aurora-mysql"})
	check.deny == set() with input as fixtures.state([db, member])
}

test_unknown_flag if {
	db := fixtures.with_unknown(fixtures.resource("aws_db_instance", "main", {"engine": "mysql"}), ["deletion_protection"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_db_instance.main"} with input as inp
}
