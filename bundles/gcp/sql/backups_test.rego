package tenet.gcp.sql.backups_test

import rego.v1

import data.tenet.gcp.sql.backups as check
import data.tenet.lib.fixtures

_db(name, values, backup) := fixtures.resource("google_sql_database_instance", name, object.union(values, {"settings": [{"backup_configuration": backup}]}))

test_deny_backups_off if {
	check.deny == {{
		"msg": "backup_configuration.enabled is not true: no automated backups",
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.backup_configuration.0.enabled",
	}} with input as fixtures.state([_db("db", {}, [{"enabled": false}])])
}

test_deny_no_backup_block if {
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as fixtures.plan([_db("db", {}, [])])
}

test_allow_enabled_and_replica if {
	inp := fixtures.state([
		_db("db", {}, [{"enabled": true, "point_in_time_recovery_enabled": true}]),
		_db("replica", {"master_instance_name": "db"}, []),
	])
	check.deny == set() with input as inp
}

test_deny_plan_primary_with_computed_master_name_allow_replica_by_reference if {
	primary := fixtures.with_unknown(_db("db", {}, [{"enabled": false}]), ["master_instance_name"])
	replica := fixtures.points_at(_db("replica", {"master_instance_name": "x"}, []), "master_instance_name", primary)
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as fixtures.plan([primary, replica])
}

test_unknown_enabled if {
	inp := fixtures.plan([fixtures.with_unknown(_db("db", {}, [{}]), ["settings.0.backup_configuration.0.enabled"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_sql_database_instance.db"} with input as inp
}
