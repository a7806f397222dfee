package tenet.aws.cloudfront.origin_https_test

import rego.v1

import data.tenet.aws.cloudfront.origin_https as check
import data.tenet.lib.fixtures

_custom(id, policy) := {"origin_id": id, "domain_name": sprintf("%s.example.com", [id]), "custom_origin_config": [{"http_port": 80, "https_port": 443, "origin_protocol_policy": policy, "origin_ssl_protocols": ["TLSv1.2"]}], "s3_origin_config": []}

_s3 := {"origin_id": "assets", "domain_name": "assets.s3.us-east-1.amazonaws.com", "custom_origin_config": [], "s3_origin_config": [{"origin_access_identity": ""}]}

_distribution(origins, behaviors) := fixtures.resource("aws_cloudfront_distribution", "cdn", {
	"enabled": true,
	"origin": origins,
	"default_cache_behavior": [behaviors[0]],
	"ordered_cache_behavior": array.slice(behaviors, 1, count(behaviors)),
})

_behavior(target, policy) := {"target_origin_id": target, "viewer_protocol_policy": policy}

test_deny_http_only if {
	d := _distribution([_custom("app", "http-only"), _s3], [_behavior("app", "redirect-to-https")])
	check.deny == {{"msg": `origin "app" is reached over plain HTTP (origin_protocol_policy http-only)`, "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.0.custom_origin_config.0.origin_protocol_policy"}} with input as fixtures.plan([d])
}

test_deny_match_viewer_with_http_viewers if {
	d := _distribution([_s3, _custom("app", "match-viewer")], [_behavior("assets", "allow-all"), _behavior("app", "allow-all")])
	check.deny == {{"msg": `origin "app" matches the viewer's protocol, and ordered_cache_behavior.0 allows viewers plain HTTP`, "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.1.custom_origin_config.0.origin_protocol_policy"}} with input as fixtures.state([d])

	# A single origin is every behaviour's target, even when the target id
	# is unknown until apply.
	single := fixtures.with_unknown(_distribution([object.remove(_custom("app", "match-viewer"), {"origin_id"})], [{"viewer_protocol_policy": "allow-all"}]), ["origin.0.origin_id", "default_cache_behavior.0.target_origin_id"])
	{f.msg | some f in check.deny} == {`origin "app.example.com" matches the viewer's protocol, and default_cache_behavior.0 allows viewers plain HTTP`} with input as fixtures.plan([single])
}

test_allow_https if {
	d := _distribution([_custom("app", "https-only"), _custom("web", "match-viewer"), _s3], [_behavior("web", "redirect-to-https"), _behavior("app", "allow-all")])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy if {
	o := object.union(_custom("app", "https-only"), {"custom_origin_config": [{"origin_protocol_policy": null}], "origin_id": null, "domain_name": null})
	d := fixtures.with_unknown(_distribution([o], [_behavior("app", "allow-all")]), ["origin.0.custom_origin_config.0.origin_protocol_policy", "origin.0.origin_id", "origin.0.domain_name"])
	inp := fixtures.plan([d])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "origin.0.custom_origin_config.0.origin_protocol_policy is unknown until apply", "resource": "aws_cloudfront_distribution.cdn", "attribute": "origin.0.custom_origin_config.0.origin_protocol_policy"}} with input as inp
	http := fixtures.with_unknown(_distribution([object.union(o, {"custom_origin_config": [{"origin_protocol_policy": "http-only"}]})], [_behavior("app", "allow-all")]), ["origin.0.origin_id", "origin.0.domain_name"])
	{f.msg | some f in check.deny} == {"origin (id unknown until apply) is reached over plain HTTP (origin_protocol_policy http-only)"} with input as fixtures.plan([http])
}

test_unknown_origins_through_local if {
	d := fixtures.with_unknown(fixtures.resource("aws_cloudfront_distribution", "d", {"default_cache_behavior": [{"target_origin_id": "web", "viewer_protocol_policy": "redirect-to-https"}]}), ["origin"])
	inp := fixtures.plan([object.union(d, {"configured": ["origin", "default_cache_behavior"]})])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"origin"} with input as inp
}
