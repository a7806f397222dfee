package tenet.aws.elb.waf_test

import rego.v1

import data.tenet.aws.elb.waf as check
import data.tenet.lib.fixtures

_alb(name, values) := fixtures.with_unknown(fixtures.resource("aws_lb", name, object.union({"name": name, "load_balancer_type": "application"}, values)), ["arn", "id"])

_assoc(name) := fixtures.resource("aws_wafv2_web_acl_association", name, {"web_acl_arn": "arn:aws:wafv2:acl"})

test_deny_public_alb_without_acl if {
	web := _alb("web", {"internal": false})
	api := _alb("api", {"internal": false})
	inp := fixtures.plan([web, api, fixtures.points_at(_assoc("api"), "resource_arn", api)])
	check.deny == {{"msg": "no aws_wafv2_web_acl_association (resource_arn) protects the internet-facing load balancer", "resource": "aws_lb.web"}} with input as inp
}

test_allow_protected_internal_and_network if {
	web := _alb("web", {"internal": false})
	state_lb := fixtures.resource("aws_alb", "old", {"internal": false, "arn": "arn:aws:elasticloadbalancing:old"})
	classic := fixtures.resource("aws_wafregional_web_acl_association", "old", {"resource_arn": "arn:aws:elasticloadbalancing:old"})
	inp := fixtures.plan([
		web,
		fixtures.points_at(_assoc("web"), "resource_arn", web),
		state_lb,
		classic,
		_alb("internal", {"internal": true}),
		_alb("nlb", {"load_balancer_type": "network", "internal": false}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_deny_internal_left_out if {
	lb := fixtures.computed(_alb("web", {}), ["internal"])
	{f.resource | some f in check.deny} == {"aws_lb.web"} with input as fixtures.plan([lb])
}

test_unknown_internal if {
	lb := fixtures.with_refs(fixtures.with_unknown(_alb("web", {}), ["internal"]), {"internal": ["data.external.cfg"]})
	inp := fixtures.plan([lb])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "internal is unknown until apply", "resource": "aws_lb.web", "attribute": "internal"}} with input as inp
}
