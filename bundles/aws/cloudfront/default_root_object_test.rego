package tenet.aws.cloudfront.default_root_object_test

import rego.v1

import data.tenet.aws.cloudfront.default_root_object as check
import data.tenet.lib.fixtures

_s3 := {"origin_id": "assets", "domain_name": "assets.s3.us-east-1.amazonaws.com", "s3_origin_config": [{"origin_access_identity": ""}]}

_oac := {"origin_id": "site", "domain_name": "site.s3.amazonaws.com", "origin_access_control_id": "E2QWRUHAPOMQZL", "s3_origin_config": []}

_rest := {"origin_id": "docs", "domain_name": "docs.s3.eu-west-1.amazonaws.com", "s3_origin_config": []}

_app := {"origin_id": "app", "domain_name": "app.example.com", "s3_origin_config": [], "custom_origin_config": [{"origin_protocol_policy": "https-only"}]}

_distribution(origins, target, root) := fixtures.resource("aws_cloudfront_distribution", "cdn", {
	"enabled": true,
	"origin": origins,
	"default_root_object": root,
	"default_cache_behavior": [{"target_origin_id": target, "viewer_protocol_policy": "redirect-to-https"}],
})

test_deny_s3_default_without_root_object if {
	check.deny == {{"msg": `the default behaviour serves S3 origin "assets" and default_root_object is empty`, "resource": "aws_cloudfront_distribution.cdn", "attribute": "default_root_object"}} with input as fixtures.plan([_distribution([_app, _s3], "assets", null)])
	count(check.deny) == 1 with input as fixtures.state([_distribution([_oac, _app], "site", "")])
	count(check.deny) == 1 with input as fixtures.state([_distribution([_rest], "docs", "")])

	# regula-cloudfront_distribution_https_infra.json: one S3 origin whose
	# id is known only after apply.
	single := fixtures.with_unknown(_distribution([object.remove(_s3, {"origin_id"})], null, null), ["origin.0.origin_id", "default_cache_behavior.0.target_origin_id"])
	{f.msg | some f in check.deny} == {"the default behaviour serves S3 origin (id unknown until apply) and default_root_object is empty"} with input as fixtures.plan([single])
}

test_allow_root_object_or_application_origin if {
	website := {"origin_id": "www", "domain_name": "www.s3-website-us-east-1.amazonaws.com", "s3_origin_config": [], "custom_origin_config": [{"origin_protocol_policy": "http-only"}]}
	inp := fixtures.plan([
		_distribution([_s3], "assets", "index.html"),
		fixtures.patch(_distribution([website], "www", null), {"address": "aws_cloudfront_distribution.www"}),
		fixtures.patch(_distribution([_app, _s3], "app", null), {"address": "aws_cloudfront_distribution.app"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_target_or_root_object if {
	target := fixtures.with_unknown(_distribution([_app, _s3], null, null), ["default_cache_behavior.0.target_origin_id"])
	inp := fixtures.plan([target])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "the default behaviour's origin is unknown until apply, and the distribution has an S3 origin", "resource": "aws_cloudfront_distribution.cdn", "attribute": "default_cache_behavior.target_origin_id"}} with input as inp

	root := fixtures.from_local(_distribution([_s3], "assets", null), ["default_root_object"])
	check.unknown == {{"msg": "default_root_object is unknown until apply", "resource": "aws_cloudfront_distribution.cdn", "attribute": "default_root_object"}} with input as fixtures.plan([root])
	check.deny == set() with input as fixtures.plan([root])
}

test_unknown_origins_through_local if {
	d := fixtures.with_unknown(fixtures.resource("aws_cloudfront_distribution", "d", {"default_cache_behavior": [{"target_origin_id": "web", "viewer_protocol_policy": "redirect-to-https"}]}), ["origin"])
	inp := fixtures.plan([object.union(d, {"configured": ["origin", "default_cache_behavior"]})])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"origin"} with input as inp
}
