package tenet.gcp.sql.public_ip_test

import rego.v1

import data.tenet.gcp.sql.public_ip as check
import data.tenet.lib.fixtures

_db(ip) := fixtures.resource("google_sql_database_instance", "db", {"settings": [{"ip_configuration": ip}]})

test_deny_ipv4_enabled if {
	check.deny == {{
		"msg": "ipv4_enabled is true: the instance has a public IP address",
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.ip_configuration.0.ipv4_enabled",
	}} with input as fixtures.state([_db([{"ipv4_enabled": true}])])
}

test_deny_default_when_ip_configuration_computed if {
	db := fixtures.with_unknown(_db(null), ["settings.0.ip_configuration"])
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as fixtures.plan([db])
}

test_allow_private_only if {
	check.deny == set() with input as fixtures.plan([_db([{"ipv4_enabled": false, "private_network": "projects/p/global/networks/vpc"}])])
}

test_unknown_ipv4_enabled if {
	db := fixtures.with_unknown(_db([{}]), ["settings.0.ip_configuration.0.ipv4_enabled"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_sql_database_instance.db"} with input as inp
}
