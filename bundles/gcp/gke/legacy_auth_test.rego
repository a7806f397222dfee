package tenet.gcp.gke.legacy_auth_test

import rego.v1

import data.tenet.gcp.gke.legacy_auth as check
import data.tenet.lib.fixtures

_cluster(values) := fixtures.resource("google_container_cluster", "c", object.union({"name": "c"}, values))

test_deny_legacy_abac if {
	check.deny == {{
		"msg": "enable_legacy_abac is true: legacy ABAC authorization is enabled",
		"resource": "google_container_cluster.c",
		"attribute": "enable_legacy_abac",
	}} with input as fixtures.state([_cluster({"enable_legacy_abac": true})])
}

test_deny_basic_auth_and_client_certificate if {
	c := _cluster({"master_auth": [{"username": "admin", "password": "secret", "client_certificate_config": [{"issue_client_certificate": true}]}]})
	{f.attribute | some f in check.deny} == {
		"master_auth.0.username",
		"master_auth.0.password",
		"master_auth.0.client_certificate_config.0.issue_client_certificate",
	} with input as fixtures.state([c])
}

# conftest-gke-show.json: master_auth with null username and password.
test_allow_defaults if {
	c := _cluster({"enable_legacy_abac": false, "master_auth": [{"client_certificate_config": [], "password": null, "username": null}]})
	check.deny == set() with input as fixtures.plan([c])
}

test_unknown_legacy_abac if {
	inp := fixtures.plan([fixtures.with_unknown(_cluster({}), ["enable_legacy_abac"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"enable_legacy_abac"} with input as inp
}
