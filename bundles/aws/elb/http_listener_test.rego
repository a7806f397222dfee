package tenet.aws.elb.http_listener_test

import rego.v1

import data.tenet.aws.elb.http_listener as check
import data.tenet.lib.fixtures

_listener(name, protocol, actions) := fixtures.resource("aws_lb_listener", name, {"port": 80, "protocol": protocol, "default_action": actions})

_forward := {"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:tg", "redirect": []}

_redirect(protocol) := {"type": "redirect", "redirect": [{"protocol": protocol, "port": "443", "status_code": "HTTP_301"}]}

test_deny_http_forward if {
	check.deny == {{
		"msg": "the listener serves plain HTTP: protocol is HTTP and default_action is not a redirect to HTTPS",
		"resource": "aws_lb_listener.http",
		"attribute": "default_action",
	}} with input as fixtures.state([_listener("http", "HTTP", [_forward])])
}

test_deny_redirect_keeping_http_and_alb_listener if {
	a := _listener("same", "HTTP", [_redirect("#{protocol}")])
	b := fixtures.patch(_listener("old", "HTTP", [_forward]), {"type": "aws_alb_listener", "address": "aws_alb_listener.old"})
	{f.resource | some f in check.deny} == {"aws_lb_listener.same", "aws_alb_listener.old"} with input as fixtures.plan([a, b])
}

test_deny_classic_http_listener if {
	elb := fixtures.resource("aws_elb", "web", {"internal": false, "listener": [
		{"lb_port": 443, "lb_protocol": "https", "instance_port": 80, "instance_protocol": "http"},
		{"lb_port": 80, "lb_protocol": "http", "instance_port": 80, "instance_protocol": "http"},
	]})
	check.deny == {{
		"msg": "listener.1.lb_protocol is HTTP on an internet-facing load balancer (port 80)",
		"resource": "aws_elb.web",
		"attribute": "listener.1.lb_protocol",
	}} with input as fixtures.plan([elb])
}

test_allow_https_redirect_and_internal_classic if {
	elb := fixtures.resource("aws_elb", "internal", {"internal": true, "listener": [{"lb_port": 80, "lb_protocol": "http"}]})
	inp := fixtures.plan([
		_listener("http", "HTTP", [_redirect("HTTPS")]),
		_listener("https", "HTTPS", [_forward]),
		_listener("tcp", "TCP", [_forward]),
		elb,
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_protocol_or_actions if {
	p := fixtures.with_refs(fixtures.with_unknown(fixtures.resource("aws_lb_listener", "p", {"default_action": [_forward]}), ["protocol"]), {"protocol": ["data.external.cfg"]})
	a := fixtures.with_unknown(fixtures.resource("aws_lb_listener", "a", {"protocol": "HTTP"}), ["default_action"])
	inp := fixtures.plan([p, a])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["aws_lb_listener.p", "protocol"], ["aws_lb_listener.a", "default_action"]} with input as inp
}

# Regression: checkov-plan-tfplan.json, aws_elb.weblb with internal left out
# (computed, unknown) is internet-facing.
test_deny_checkov_classic_elb_internal_left_out if {
	elb := fixtures.computed(fixtures.resource("aws_elb", "weblb", {"listener": [{"lb_port": 80, "lb_protocol": "http"}]}), ["internal"])
	{f.resource | some f in check.deny} == {"aws_elb.weblb"} with input as fixtures.plan([elb])
}

test_unknown_classic_internal_from_expression if {
	elb := fixtures.with_refs(
		fixtures.with_unknown(fixtures.resource("aws_elb", "weblb", {"listener": [{"lb_port": 80, "lb_protocol": "http"}]}), ["internal"]),
		{"internal": ["data.external.cfg"]},
	)
	inp := fixtures.plan([elb])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"internal"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_classic_listeners_through_local if {
	elb := fixtures.from_local(fixtures.resource("aws_elb", "web", {"internal": false}), ["listener"])
	check.deny == set() with input as fixtures.plan([elb])
	{f.attribute | some f in check.unknown} == {"listener"} with input as fixtures.plan([elb])
}

# A forward to a target group of the same plan (its ARN unknown until
# apply) is still plain HTTP: a deny, not unknown.
test_deny_http_forward_to_a_new_target_group if {
	l := fixtures.with_unknown(_listener("l", "HTTP", [object.remove(_forward, {"target_group_arn"})]), ["default_action.0.target_group_arn"])
	inp := fixtures.plan([l])
	count(check.deny) == 1 with input as inp
	count(check.unknown) == 0 with input as inp
}

test_deny_classic_listener_protocol_unknown if {
	elb := fixtures.with_unknown(fixtures.resource("aws_elb", "e", {"listener": [{"lb_port": 80, "instance_port": 8080, "instance_protocol": "http"}]}), ["listener.0.lb_protocol"])
	inp := fixtures.plan([elb])
	count(check.deny) == 0 with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["aws_elb.e", "listener.0.lb_protocol"]} with input as inp
}
