package tenet.aws.cloudfront.origin_tls_test

import rego.v1

import data.tenet.aws.cloudfront.origin_tls as check
import data.tenet.lib.fixtures

_custom(id, policy, protocols) := {"origin_id": id, "domain_name": sprintf("%s.example.com", [id]), "custom_origin_config": [{"origin_protocol_policy": policy, "origin_ssl_protocols": protocols}], "s3_origin_config": []}

_distribution(origins) := fixtures.resource("aws_cloudfront_distribution", "cdn", {"enabled": true, "origin": origins})

test_deny_old_protocols if {
	d := _distribution([_custom("app", "https-only", ["TLSv1.2", "TLSv1.1", "TLSv1"]), _custom("legacy", "match-viewer", ["SSLv3"])])
	check.deny == {
		{"msg": `origin "app" allows TLSv1, TLSv1.1: CloudFront may reach it over protocols older than TLS 1.2`, "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.0.custom_origin_config.0.origin_ssl_protocols"},
		{"msg": `origin "legacy" allows SSLv3: CloudFront may reach it over protocols older than TLS 1.2`, "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.1.custom_origin_config.0.origin_ssl_protocols"},
	} with input as fixtures.state([d])
}

test_allow_tls12_http_only_and_s3 if {
	s3 := {"origin_id": "assets", "domain_name": "assets.s3.amazonaws.com", "custom_origin_config": [], "s3_origin_config": [{"origin_access_identity": ""}]}
	d := _distribution([_custom("app", "https-only", ["TLSv1.2"]), _custom("site", "http-only", ["TLSv1"]), s3])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_protocols if {
	o := object.remove(_custom("app", "https-only", []), {"origin_id"})
	d := fixtures.with_unknown(_distribution([object.union(o, {"custom_origin_config": [{"origin_ssl_protocols": null}]})]), ["origin.0.custom_origin_config.0.origin_ssl_protocols", "origin.0.origin_id"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "origin.0.custom_origin_config.0.origin_ssl_protocols is unknown until apply", "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.0.custom_origin_config.0.origin_ssl_protocols"}} with input as inp
	old := fixtures.with_unknown(_distribution([object.union(o, {"custom_origin_config": [{"origin_ssl_protocols": ["TLSv1"]}]})]), ["origin.0.origin_id"])
	{f.msg | some f in check.deny} == {"origin (id unknown until apply) allows TLSv1: CloudFront may reach it over protocols older than TLS 1.2"} with input as fixtures.plan([old])
}

test_unknown_origins_through_local if {
	d := fixtures.with_unknown(fixtures.resource("aws_cloudfront_distribution", "d", {"default_cache_behavior": [{"target_origin_id": "web", "viewer_protocol_policy": "redirect-to-https"}]}), ["origin"])
	inp := fixtures.plan([object.union(d, {"configured": ["origin", "default_cache_behavior"]})])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"origin"} with input as inp
}
