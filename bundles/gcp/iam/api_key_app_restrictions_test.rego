package tenet.gcp.iam.api_key_app_restrictions_test

import rego.v1

import data.tenet.gcp.iam.api_key_app_restrictions as check
import data.tenet.lib.fixtures

_key(restrictions) := fixtures.resource("google_apikeys_key", "maps", {"name": "maps", "restrictions": restrictions})

test_deny_no_application_restriction if {
	check.deny == {{
		"msg": "the key has no application restriction: it works from any website, address or app",
		"resource": "google_apikeys_key.maps",
		"attribute": "restrictions",
	}} with input as fixtures.state([_key([{"api_targets": [{"service": "translate.googleapis.com"}]}])])
}

test_deny_wildcards if {
	inp := fixtures.plan([
		_key([{"browser_key_restrictions": [{"allowed_referrers": ["https://acme.com/*", "*.com/*"]}]}]),
		fixtures.resource("google_apikeys_key", "srv", {"restrictions": [{"server_key_restrictions": [{"allowed_ips": ["203.0.113.0/24", "0.0.0.0/0"]}]}]}),
	])
	{f.attribute | some f in check.deny} == {"restrictions.0.browser_key_restrictions.0.allowed_referrers.1", "restrictions.0.server_key_restrictions.0.allowed_ips.1"} with input as inp
}

test_allow_specific_restrictions if {
	inp := fixtures.state([
		_key([{"browser_key_restrictions": [{"allowed_referrers": ["https://www.acme.com/*", "*.acme.com"]}]}]),
		fixtures.resource("google_apikeys_key", "app", {"restrictions": [{"android_key_restrictions": [{"allowed_applications": [{"package_name": "com.acme", "sha1_fingerprint": "AB"}]}]}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_restrictions_through_local if {
	k := fixtures.from_local(_key([{}]), ["restrictions.0.browser_key_restrictions"])
	check.deny == set() with input as fixtures.plan([k])
	{f.attribute | some f in check.unknown} == {"restrictions"} with input as fixtures.plan([k])
}
