# METADATA
# title: Load balancer listeners do not serve plain HTTP
# description: >-
#   Requests over plain HTTP carry cookies, tokens and form data in clear text
#   across every network between client and load balancer. An HTTP listener
#   should only redirect clients to HTTPS.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb#listener
# custom:
#   id: TNT-AWS-ELB-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb_listener, aws_alb_listener, aws_elb]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: >-
#     Serve HTTPS, and make the HTTP listener's default_action a redirect with
#     protocol = "HTTPS" and status_code = "HTTP_301".
package tenet.aws.elb.http_listener

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_listener_types := ["aws_lb_listener", "aws_alb_listener"]

deny contains result.fail_attr(l, "default_action", "the listener serves plain HTTP: protocol is HTTP and default_action is not a redirect to HTTPS") if {
	some type in _listener_types
	some l in terraform.resources(type)
	terraform.get(l, "protocol", "") == "HTTP"
	not _redirects_to_https(l)
	not _redirect_unknown(l)
}

unknown contains result.unknown(l, "protocol") if {
	some type in _listener_types
	some l in terraform.resources(type)
	compute.set_unknown(l, "protocol")
}

unknown contains result.unknown(l, "default_action") if {
	some type in _listener_types
	some l in terraform.resources(type)
	terraform.get(l, "protocol", "") == "HTTP"
	not _redirects_to_https(l)
	_redirect_unknown(l)
}

_redirects_to_https(l) if {
	some action in terraform.get(l, "default_action", [])
	action.type == "redirect"
	some redirect in action.redirect
	redirect.protocol == "HTTPS"
}

# _redirect_unknown(l) is true when whether the default action redirects is
# known only after apply: its type or its redirect. A forward whose target
# group is created in the same plan (its ARN unknown) is still a forward.
_redirect_unknown(l) if terraform.any_unknown(l, ["default_action.type", "default_action.redirect"])

# Classic load balancers: an internet-facing HTTP listener (internal is
# computed: left out, the load balancer is internet-facing). TCP listeners are
# not reported (the catalog names them too): they may pass TLS through to the
# instances, which cannot be seen from the configuration.
deny contains result.fail_attr(elb, sprintf("listener.%d.lb_protocol", [i]), msg) if {
	some elb in terraform.resources("aws_elb")
	not terraform.is_true(elb, "internal")
	not compute.set_unknown(elb, "internal")
	some i, listener in terraform.get(elb, "listener", [])
	lower(listener.lb_protocol) == "http"
	msg := sprintf("listener.%d.lb_protocol is HTTP on an internet-facing load balancer (port %v)", [i, listener.lb_port])
}

unknown contains result.unknown(elb, "listener") if {
	some elb in terraform.resources("aws_elb")
	not terraform.is_true(elb, "internal")
	count(terraform.get(elb, "listener", [])) == 0
	compute.set_unknown(elb, "listener")
}

unknown contains result.unknown(elb, "internal") if {
	some elb in terraform.resources("aws_elb")
	compute.set_unknown(elb, "internal")
	some listener in terraform.get(elb, "listener", [])
	lower(listener.lb_protocol) == "http"
}

# A listener of an internet-facing classic load balancer whose protocol is
# known only after apply may serve HTTP.
unknown contains result.unknown(elb, sprintf("listener.%d.lb_protocol", [i])) if {
	some elb in terraform.resources("aws_elb")
	not terraform.is_true(elb, "internal")
	some i, listener in terraform.get(elb, "listener", [])
	not listener.lb_protocol
	terraform.unknown(elb, sprintf("listener.%d.lb_protocol", [i]))
}
