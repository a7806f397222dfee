package tenet.gcp.sql.require_tls_test

import rego.v1

import data.tenet.gcp.sql.require_tls as check
import data.tenet.lib.fixtures

_db(ip) := fixtures.resource("google_sql_database_instance", "db", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro", "ip_configuration": ip}]})

test_deny_allow_unencrypted if {
	check.deny == {{
		"msg": "ssl_mode is ALLOW_UNENCRYPTED_AND_ENCRYPTED and require_ssl is not true: unencrypted connections are accepted",
		"resource": "google_sql_database_instance.db",
		"attribute": "settings.0.ip_configuration.0.ssl_mode",
	}} with input as fixtures.state([_db([{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": false}])])
}

# An unset ip_configuration is computed: wholly unknown in a plan, defaults apply.
test_deny_undeclared_ip_configuration if {
	db := fixtures.with_unknown(_db(null), ["settings.0.ip_configuration"])
	inp := fixtures.plan([db])
	{f.resource | some f in check.deny} == {"google_sql_database_instance.db"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_encrypted_only_or_legacy_require_ssl if {
	inp := fixtures.state([
		_db([{"ssl_mode": "ENCRYPTED_ONLY"}]),
		fixtures.resource("google_sql_database_instance", "old", {"settings": [{"ip_configuration": [{"require_ssl": true}]}]}),
	])
	check.deny == set() with input as inp
}

test_unknown_ssl_mode if {
	db := fixtures.with_unknown(_db([{"ipv4_enabled": false}]), ["settings.0.ip_configuration.0.ssl_mode"])
	inp := fixtures.plan([db])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"settings.0.ip_configuration.0.ssl_mode"} with input as inp
}
