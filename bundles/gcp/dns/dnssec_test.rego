package tenet.gcp.dns.dnssec_test

import rego.v1

import data.tenet.gcp.dns.dnssec as check
import data.tenet.lib.fixtures

_zone(values) := fixtures.resource("google_dns_managed_zone", "z", object.union({"name": "z", "dns_name": "acme.example."}, values))

test_deny_public_zone_without_dnssec if {
	check.deny == {{
		"msg": `DNSSEC state is "off", not "on"`,
		"resource": "google_dns_managed_zone.z",
		"attribute": "dnssec_config.0.state",
	}} with input as fixtures.plan([_zone({"dnssec_config": []})])
}

test_deny_rsasha1_key if {
	z := _zone({"dnssec_config": [{"state": "on", "default_key_specs": [
		{"algorithm": "rsasha256", "key_type": "keySigning", "key_length": 2048},
		{"algorithm": "rsasha1", "key_type": "zoneSigning", "key_length": 1024},
	]}]})
	check.deny == {{
		"msg": "zoneSigning key uses algorithm rsasha1",
		"resource": "google_dns_managed_zone.z",
		"attribute": "dnssec_config.0.default_key_specs.1",
	}} with input as fixtures.state([z])
}

test_allow_signed_and_private if {
	inp := fixtures.plan([
		_zone({"dnssec_config": [{"state": "on", "default_key_specs": [{"algorithm": "ecdsap256sha256", "key_type": "keySigning"}]}]}),
		fixtures.resource("google_dns_managed_zone", "internal", {"visibility": "private", "dnssec_config": []}),
	])
	check.deny == set() with input as inp
}

test_unknown_state if {
	inp := fixtures.plan([fixtures.with_unknown(_zone({"dnssec_config": [{"non_existence": "nsec3"}]}), ["dnssec_config.0.state"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_dns_managed_zone.z"} with input as inp
}
