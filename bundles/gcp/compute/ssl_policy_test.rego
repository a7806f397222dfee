package tenet.gcp.compute.ssl_policy_test

import rego.v1

import data.tenet.gcp.compute.ssl_policy as check
import data.tenet.lib.fixtures

_policy(values) := fixtures.resource("google_compute_ssl_policy", "p", values)

test_deny_defaults if {
	{[f.attribute, f.msg] | some f in check.deny} == {
		["min_tls_version", "min_tls_version is TLS_1_0, below TLS_1_2"],
		["profile", "profile is COMPATIBLE, which allows the weakest cipher suites"],
	} with input as fixtures.plan([_policy({"name": "p"})])
}

test_deny_custom_weak_features if {
	p := _policy({"profile": "CUSTOM", "min_tls_version": "TLS_1_2", "custom_features": ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA"]})
	check.deny == {{
		"msg": `CUSTOM profile enables weak cipher suites ["TLS_RSA_WITH_AES_128_CBC_SHA"]`,
		"resource": "google_compute_ssl_policy.p",
		"attribute": "custom_features",
	}} with input as fixtures.state([p])
}

test_deny_proxy_without_policy if {
	proxy := fixtures.resource("google_compute_target_https_proxy", "web", {"ssl_policy": null, "url_map": "x"})
	check.deny == {{
		"msg": "no ssl_policy: the proxy uses the permissive default policy",
		"resource": "google_compute_target_https_proxy.web",
		"attribute": "ssl_policy",
	}} with input as fixtures.state([proxy])
}

test_allow_modern_policy_attached_by_reference if {
	p := _policy({"profile": "MODERN", "min_tls_version": "TLS_1_2"})
	proxy := fixtures.points_at(fixtures.resource("google_compute_target_ssl_proxy", "tcp", {"ssl_policy": "x"}), "ssl_policy", p)
	inp := fixtures.plan([p, proxy])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_min_tls_version if {
	p := fixtures.with_unknown(_policy({"profile": "RESTRICTED"}), ["min_tls_version"])
	inp := fixtures.plan([p])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"min_tls_version"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_proxy_policy_through_local if {
	p := fixtures.from_local(fixtures.resource("google_compute_target_https_proxy", "web", {"name": "web"}), ["ssl_policy"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"ssl_policy"} with input as fixtures.plan([p])
}
