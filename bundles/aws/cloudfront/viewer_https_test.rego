package tenet.aws.cloudfront.viewer_https_test

import rego.v1

import data.tenet.aws.cloudfront.viewer_https as check
import data.tenet.lib.fixtures

_default_cert := [{"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"}]

_custom_cert(version) := [{"cloudfront_default_certificate": false, "acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/x", "minimum_protocol_version": version}]

_cdn(default_policy, ordered, cert) := fixtures.resource("aws_cloudfront_distribution", "site", {
	"default_cache_behavior": [{"viewer_protocol_policy": default_policy, "target_origin_id": "s3"}],
	"ordered_cache_behavior": [{"path_pattern": p, "viewer_protocol_policy": v} | some [p, v] in ordered],
	"viewer_certificate": cert,
})

test_deny_allow_all_behaviors if {
	d := _cdn("allow-all", [["/api/*", "https-only"], ["/img/*", "allow-all"]], _default_cert)
	check.deny == {
		{"msg": "default_cache_behavior.0.viewer_protocol_policy is allow-all: viewers can use plain HTTP", "resource": "aws_cloudfront_distribution.site", "attribute": "default_cache_behavior.0.viewer_protocol_policy"},
		{"msg": "ordered_cache_behavior.1.viewer_protocol_policy is allow-all: viewers can use plain HTTP", "resource": "aws_cloudfront_distribution.site", "attribute": "ordered_cache_behavior.1.viewer_protocol_policy"},
	} with input as fixtures.plan([d])
}

test_deny_old_tls_on_custom_certificate if {
	d := _cdn("redirect-to-https", [], _custom_cert("TLSv1.1_2016"))
	check.deny == {{
		"msg": "viewer_certificate.minimum_protocol_version TLSv1.1_2016 is below TLSv1.2_2018",
		"resource": "aws_cloudfront_distribution.site",
		"attribute": "viewer_certificate.minimum_protocol_version",
	}} with input as fixtures.state([d])
}

test_allow_https_and_default_certificate if {
	a := _cdn("redirect-to-https", [["/api/*", "https-only"]], _default_cert)
	b := fixtures.patch(_cdn("https-only", [], _custom_cert("TLSv1.2_2021")), {"address": "aws_cloudfront_distribution.b"})
	inp := fixtures.plan([a, b])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy_and_version if {
	d := fixtures.with_unknown(_cdn(null, [], _custom_cert(null)), ["default_cache_behavior.0.viewer_protocol_policy", "viewer_certificate.0.minimum_protocol_version"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"default_cache_behavior.0.viewer_protocol_policy", "viewer_certificate.minimum_protocol_version"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_certificate_through_local if {
	d := fixtures.from_local(fixtures.resource("aws_cloudfront_distribution", "site", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}]}), ["viewer_certificate"])
	check.deny == set() with input as fixtures.plan([d])
	{f.attribute | some f in check.unknown} == {"viewer_certificate.minimum_protocol_version"} with input as fixtures.plan([d])
}
