package tenet.gcp.sql.cmek_test

import rego.v1

import data.tenet.gcp.sql.cmek as check
import data.tenet.lib.fixtures

_db(values) := fixtures.resource("google_sql_database_instance", "db", object.union({"database_version": "POSTGRES_15"}, values))

test_deny_google_managed if {
	check.deny == {{
		"msg": "the instance is encrypted with a Google-managed key",
		"resource": "google_sql_database_instance.db",
		"attribute": "encryption_key_name",
	}} with input as fixtures.state([_db({})])
}

test_deny_left_out_in_plan if {
	db := fixtures.computed(_db({}), ["encryption_key_name"])
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as fixtures.plan([db])
}

test_allow_key_and_key_from_resource if {
	key := fixtures.resource("google_kms_crypto_key", "k", {"name": "k"})
	inp := fixtures.plan([key, fixtures.points_at(_db({}), "encryption_key_name", key)])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_db({"encryption_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"})])
}

test_unknown_through_local if {
	db := fixtures.from_local(_db({}), ["encryption_key_name"])
	check.deny == set() with input as fixtures.plan([db])
	{f.attribute | some f in check.unknown} == {"encryption_key_name"} with input as fixtures.plan([db])
}
