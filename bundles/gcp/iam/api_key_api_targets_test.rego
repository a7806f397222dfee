package tenet.gcp.iam.api_key_api_targets_test

import rego.v1

import data.tenet.gcp.iam.api_key_api_targets as check
import data.tenet.lib.fixtures

_key(restrictions) := fixtures.resource("google_apikeys_key", "maps", {"name": "maps", "restrictions": restrictions})

test_deny_no_restrictions if {
	check.deny == {{
		"msg": "the key has no API targets: it can call every API enabled in the project",
		"resource": "google_apikeys_key.maps",
		"attribute": "restrictions.0.api_targets",
	}} with input as fixtures.state([_key([])])
}

test_deny_cloudapis_target if {
	k := _key([{"api_targets": [{"service": "translate.googleapis.com"}, {"service": "cloudapis.googleapis.com"}]}])
	{f.attribute | some f in check.deny} == {"restrictions.0.api_targets.1.service"} with input as fixtures.plan([k])
}

test_allow_named_service if {
	inp := fixtures.plan([_key([{"api_targets": [{"service": "maps-backend.googleapis.com"}]}])])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_targets_through_local if {
	k := fixtures.from_local(_key([{}]), ["restrictions.0.api_targets"])
	check.deny == set() with input as fixtures.plan([k])
	{f.attribute | some f in check.unknown} == {"restrictions.0.api_targets"} with input as fixtures.plan([k])
}
