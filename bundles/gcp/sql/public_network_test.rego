package tenet.gcp.sql.public_network_test

import rego.v1

import data.tenet.gcp.sql.public_network as check
import data.tenet.lib.fixtures

_db(networks) := fixtures.resource("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"ipv4_enabled": true, "authorized_networks": networks}]}]})

test_deny_anywhere if {
	db := _db([{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}])
	check.deny == {{
		"msg": "authorized network 0.0.0.0/0 admits the whole internet",
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.ip_configuration.0.authorized_networks.1.value",
	}} with input as fixtures.state([db])
}

test_allow_specific_ranges if {
	check.deny == set() with input as fixtures.plan([_db([{"name": "office", "value": "203.0.113.0/24"}])])
}

test_unknown_networks if {
	db := fixtures.with_unknown(_db([]), ["settings.0.ip_configuration.0.authorized_networks"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_sql_database_instance.db"} with input as inp
}
