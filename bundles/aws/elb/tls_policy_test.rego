package tenet.aws.elb.tls_policy_test

import rego.v1

import data.tenet.aws.elb.tls_policy as check
import data.tenet.lib.fixtures

_listener(name, protocol, policy) := fixtures.resource("aws_lb_listener", name, {"port": 443, "protocol": protocol, "ssl_policy": policy})

test_deny_old_policy if {
	check.deny == {{
		"msg": "ssl_policy \"ELBSecurityPolicy-2016-08\" allows protocols older than TLS 1.2",
		"resource": "aws_lb_listener.https",
		"attribute": "ssl_policy",
	}} with input as fixtures.state([_listener("https", "HTTPS", "ELBSecurityPolicy-2016-08")])
}

test_deny_tls13_policy_with_tls10 if {
	{f.resource | some f in check.deny} == {"aws_lb_listener.tls"} with input as fixtures.plan([_listener("tls", "TLS", "ELBSecurityPolicy-TLS13-1-0-2021-06")])
}

test_deny_classic_negotiation_policy if {
	p := fixtures.resource("aws_lb_ssl_negotiation_policy", "old", {"attribute": [
		{"name": "Protocol-TLSv1.2", "value": "true"},
		{"name": "Protocol-TLSv1", "value": "true"},
		{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-2016-08"},
	]})
	check.deny == {
		{"msg": "Protocol-TLSv1 is enabled", "resource": "aws_lb_ssl_negotiation_policy.old", "attribute": "attribute.1"},
		{"msg": "Reference-Security-Policy \"ELBSecurityPolicy-2016-08\" allows protocols older than TLS 1.2", "resource": "aws_lb_ssl_negotiation_policy.old", "attribute": "attribute.2"},
	} with input as fixtures.plan([p])
}

test_allow_strong_policies_and_plain_listeners if {
	p := fixtures.resource("aws_lb_ssl_negotiation_policy", "ok", {"attribute": [{"name": "Reference-Security-Policy", "value": "ELBSecurityPolicy-TLS-1-2-2017-01"}, {"name": "Protocol-TLSv1", "value": "false"}]})
	inp := fixtures.plan([
		_listener("a", "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06"),
		_listener("b", "TLS", "ELBSecurityPolicy-FS-1-2-Res-2020-10"),
		_listener("c", "HTTPS", "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"),
		_listener("http", "HTTP", ""),
		p,
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_policy_left_to_aws if {
	l := fixtures.with_unknown(fixtures.resource("aws_lb_listener", "https", {"protocol": "HTTPS"}), ["ssl_policy"])
	inp := fixtures.plan([l])
	check.deny == set() with input as inp
	check.unknown == {{"msg": "ssl_policy is unknown until apply", "resource": "aws_lb_listener.https", "attribute": "ssl_policy"}} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_protocol_through_local if {
	l := fixtures.from_local(fixtures.resource("aws_lb_listener", "web", {"port": 443}), ["protocol"])
	strong := fixtures.from_local(_listener("strong", "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06"), ["protocol"])
	inp := fixtures.plan([l, strong])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["aws_lb_listener.web", "protocol"]} with input as inp
}

test_unknown_negotiation_attributes_through_local if {
	p := fixtures.from_local(fixtures.resource("aws_lb_ssl_negotiation_policy", "p", {"name": "p"}), ["attribute"])
	check.deny == set() with input as fixtures.plan([p])
	{f.attribute | some f in check.unknown} == {"attribute"} with input as fixtures.plan([p])
}
