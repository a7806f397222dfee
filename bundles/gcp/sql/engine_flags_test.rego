package tenet.gcp.sql.engine_flags_test

import rego.v1

import data.tenet.gcp.sql.engine_flags as check
import data.tenet.lib.fixtures

_db(name, version, flags) := fixtures.resource("google_sql_database_instance", name, {"database_version": version, "settings": [{"database_flags": [{"name": n, "value": v} | some n, v in flags]}]})

test_deny_mysql_local_infile_on if {
	check.deny == {{
		"msg": `database flag "local_infile" is "on", want "off"`,
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.database_flags",
	}} with input as fixtures.state([_db("db", "MYSQL_8_0", {"local_infile": "on"})])
}

test_deny_mysql_57_default if {
	{f.resource | some f in check.deny} == {"google_sql_database_instance.old"} with input as fixtures.plan([_db("old", "MYSQL_5_7", {})])
}

test_deny_sqlserver_chaining_on if {
	db := _db("ms", "SQLSERVER_2019_STANDARD", {"cross db ownership chaining": "on", "contained database authentication": "off"})
	{f.msg | some f in check.deny} == {`database flag "cross db ownership chaining" is "on", want "off"`} with input as fixtures.state([db])
}

test_allow_defaults_and_explicit_off if {
	inp := fixtures.state([
		_db("a", "MYSQL_8_0", {}),
		_db("b", "MYSQL_5_7", {"local_infile": "off"}),
		_db("c", "SQLSERVER_2022_ENTERPRISE", {}),
		_db("d", "POSTGRES_15", {}),
	])
	check.deny == set() with input as inp
}

test_unknown_flags if {
	db := fixtures.with_unknown(_db("db", "MYSQL_8_0", {}), ["settings.0.database_flags"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_sql_database_instance.db"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_version_through_local if {
	db := fixtures.from_local(fixtures.resource("google_sql_database_instance", "db", {"settings": [{"database_flags": []}]}), ["database_version"])
	check.deny == set() with input as fixtures.plan([db])
	{f.attribute | some f in check.unknown} == {"database_version"} with input as fixtures.plan([db])
}
