package tenet.aws.cloudfront.waf_test

import rego.v1

import data.tenet.aws.cloudfront.waf as check
import data.tenet.lib.fixtures

_distribution(values) := fixtures.resource("aws_cloudfront_distribution", "cdn", object.union({"enabled": true}, values))

test_deny_without_web_acl if {
	check.deny == {{"msg": "web_acl_id is empty: no web ACL filters requests", "resource": "aws_cloudfront_distribution.cdn", "attribute": "web_acl_id"}} with input as fixtures.plan([_distribution({"web_acl_id": null})])
	count(check.deny) == 1 with input as fixtures.state([_distribution({"web_acl_id": ""})])
}

test_allow_web_acl if {
	acl := fixtures.with_unknown(fixtures.resource("aws_wafv2_web_acl", "edge", {"scope": "CLOUDFRONT"}), ["arn"])
	literal := _distribution({"web_acl_id": "arn:aws:wafv2:us-east-1:1:global/webacl/edge/abc"})
	referenced := fixtures.points_at(fixtures.patch(_distribution({}), {"address": "aws_cloudfront_distribution.ref", "config_address": "aws_cloudfront_distribution.ref"}), "web_acl_id", acl)
	inp := fixtures.plan([acl, literal, referenced])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_through_a_local if {
	inp := fixtures.plan([fixtures.from_local(_distribution({}), ["web_acl_id"])])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "web_acl_id is unknown until apply", "resource": "aws_cloudfront_distribution.cdn", "attribute": "web_acl_id"}} with input as inp
}
