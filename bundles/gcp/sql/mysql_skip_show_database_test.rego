package tenet.gcp.sql.mysql_skip_show_database_test

import rego.v1

import data.tenet.gcp.sql.mysql_skip_show_database as check
import data.tenet.lib.fixtures

_db(name, version, flags) := fixtures.resource("google_sql_database_instance", name, {"database_version": version, "settings": [{"database_flags": [{"name": n, "value": v} | some n, v in flags]}]})

test_deny_bad_value if {
	check.deny == {{
		"msg": "database flag \"skip_show_database\" is \"off\", want \"on\"",
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.database_flags",
	}} with input as fixtures.state([_db("db", "MYSQL_8_0", {"skip_show_database": "off"})])
}

test_deny_unset_default if {
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as fixtures.plan([_db("db", "MYSQL_8_0", {})])
}

test_allow_good_value_and_other_engine if {
	inp := fixtures.state([
		_db("good", "MYSQL_8_0", {"skip_show_database": "on"}),
		_db("other", "POSTGRES_15", {"skip_show_database": "off"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_flags if {
	db := fixtures.with_unknown(_db("db", "MYSQL_8_0", {}), ["settings.0.database_flags"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"settings.0.database_flags"} with input as inp
}

test_unknown_version_through_local if {
	db := fixtures.from_local(fixtures.resource("google_sql_database_instance", "db", {"settings": [{"database_flags": [{"name": "skip_show_database", "value": "off"}]}]}), ["database_version"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"database_version"} with input as inp
}
