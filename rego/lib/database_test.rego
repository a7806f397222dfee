package tenet.lib.database_test

import rego.v1

import data.tenet.lib.database
import data.tenet.lib.fixtures

_db(name, values) := fixtures.resource("aws_db_instance", name, values)

test_family if {
	database.family(_db("a", {"engine": "aurora-postgresql"})) == "postgres"
	database.family(_db("a", {"engine": "MySQL"})) == "mysql"
	database.family(_db("a", {"engine": "aurora"})) == "mysql"
	database.family(_db("a", {"engine": "sqlserver-se"})) == "sqlserver"
	database.family(_db("a", {"engine": "oracle-ee-cdb"})) == "oracle"
	database.family(_db("a", {"engine": "mariadb"})) == "mariadb"
	database.family(_db("a", {"engine": "custom-oracle-ee"})) == "custom-oracle-ee"
	database.family(_db("a", {})) == ""
}

test_selection if {
	inp := fixtures.plan([
		_db("plain", {"engine": "postgres"}),
		_db("member", {"engine": "aurora-mysql"}),
		fixtures.with_unknown(_db("replica", {"engine": "postgres"}), ["replicate_source_db"]),
		fixtures.resource("aws_rds_cluster", "c", {"engine": "aurora-mysql"}),
	])
	[r.address | some r in database.instances] == ["aws_db_instance.plain"] with input as inp
	[r.address | some r in database.databases] == ["aws_db_instance.plain", "aws_rds_cluster.c"] with input as inp
}

# infracost-terraform_v0.14_state.json records replicate_source_db = "" for a
# primary instance: it is not a replica.
test_replica_ignores_empty_source_in_state if {
	not database.replica(_db("a", {"engine": "mysql", "replicate_source_db": ""}))
	database.replica(_db("a", {"engine": "mysql", "replicate_source_db": "main"}))
	database.replica(fixtures.with_unknown(_db("a", {"engine": "mysql"}), ["replicate_source_db"]))
}
