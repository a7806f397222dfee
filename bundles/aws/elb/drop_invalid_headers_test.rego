package tenet.aws.elb.drop_invalid_headers_test

import rego.v1

import data.tenet.aws.elb.drop_invalid_headers as check
import data.tenet.lib.fixtures

test_deny_application_lb_keeping_headers if {
	a := fixtures.resource("aws_lb", "web", {"load_balancer_type": "application", "drop_invalid_header_fields": false})
	b := fixtures.resource("aws_alb", "old", {})
	check.deny == {
		{"msg": "drop_invalid_header_fields is not true: invalid headers reach the targets", "resource": "aws_lb.web", "attribute": "drop_invalid_header_fields"},
		{"msg": "drop_invalid_header_fields is not true: invalid headers reach the targets", "resource": "aws_alb.old", "attribute": "drop_invalid_header_fields"},
	} with input as fixtures.plan([a, b])
}

test_allow_dropping_and_network_lb if {
	a := fixtures.resource("aws_lb", "web", {"drop_invalid_header_fields": true})
	n := fixtures.resource("aws_lb", "nlb", {"load_balancer_type": "network", "drop_invalid_header_fields": false})
	check.deny == set() with input as fixtures.state([a, n])
}

test_unknown_setting if {
	lb := fixtures.with_unknown(fixtures.resource("aws_lb", "web", {}), ["drop_invalid_header_fields"])
	inp := fixtures.plan([lb])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"aws_lb.web"} with input as inp
}
