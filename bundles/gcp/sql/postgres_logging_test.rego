package tenet.gcp.sql.postgres_logging_test

import rego.v1

import data.tenet.gcp.sql.postgres_logging as check
import data.tenet.lib.fixtures

_db(version, flags) := fixtures.resource("google_sql_database_instance", "db", {"database_version": version, "settings": [{"database_flags": [{"name": n, "value": v} | some n, v in flags]}]})

_good := {"log_connections": "on", "log_disconnections": "on"}

test_deny_defaults_without_connection_logging if {
	check.deny == {
		{"msg": `database flag log_connections is "off", want one of ["on"]`, "resource": "google_sql_database_instance.db", "attribute": "settings.0.database_flags"},
		{"msg": `database flag log_disconnections is "off", want one of ["on"]`, "resource": "google_sql_database_instance.db", "attribute": "settings.0.database_flags"},
	} with input as fixtures.plan([_db("POSTGRES_15", {})])
}

test_deny_verbose_and_silenced_levels if {
	db := _db("POSTGRES_14", object.union(_good, {"log_min_messages": "DEBUG1", "log_min_error_statement": "warning", "log_min_duration_statement": "0"}))
	{f.msg | some f in check.deny} == {
		`database flag log_min_messages is "debug1", want one of ["error", "warning"]`,
		`database flag log_min_error_statement is "warning", want one of ["error", "fatal", "log", "panic"]`,
		`database flag log_min_duration_statement is "0", want one of ["-1"]`,
	} with input as fixtures.state([db])
}

test_allow_compliant_flags_and_other_engines if {
	inp := fixtures.state([
		_db("POSTGRES_15", object.union(_good, {"log_min_messages": "error"})),
		fixtures.resource("google_sql_database_instance", "mysql", {"database_version": "MYSQL_8_0", "settings": [{"database_flags": []}]}),
	])
	check.deny == set() with input as inp
}

test_unknown_flags if {
	db := fixtures.with_unknown(_db("POSTGRES_15", {}), ["settings.0.database_flags"])
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
