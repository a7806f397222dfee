# METADATA
# title: TLS listeners negotiate TLS 1.2 or later only
# description: >-
#   Security policies that still accept TLS 1.0 or 1.1 let clients and
#   attackers downgrade connections to protocols with known weaknesses.
#   Policies limited to TLS 1.2 and 1.3 remove that option.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener#ssl_policy
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
# custom:
#   id: TNT-AWS-ELB-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_lb_listener, aws_alb_listener, aws_lb_ssl_negotiation_policy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS 1.2+ policy).
package tenet.aws.elb.tls_policy

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# Predefined policies that refuse TLS 1.0 and 1.1: TLS13-1-2-*, TLS13-1-3-*,
# TLS-1-2-* and FS-1-2-* (FIPS and PQ variants included). The catalog calls
# the list parameterised; tenet has no rule parameters yet.
_strong := `^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-`

deny contains result.fail_attr(l, "ssl_policy", sprintf("ssl_policy %q allows protocols older than TLS 1.2", [policy])) if {
	some l in _tls_listeners
	policy := terraform.get(l, "ssl_policy", "")
	not terraform.unknown(l, "ssl_policy")
	not regex.match(_strong, policy)
}

# Left out, ssl_policy is computed: the policy AWS picks is known after apply.
unknown contains result.unknown(l, "ssl_policy") if {
	some l in _tls_listeners
	terraform.unknown(l, "ssl_policy")
}

_tls_listeners contains l if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some l in terraform.resources(type)
	terraform.get(l, "protocol", "") in {"HTTPS", "TLS"}
}

# A protocol set through a local may be HTTPS or TLS: with a policy that is
# not strong, or none, the listener is unknown until apply.
unknown contains result.unknown(l, "protocol") if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some l in terraform.resources(type)
	compute.set_unknown(l, "protocol")
	not regex.match(_strong, terraform.get(l, "ssl_policy", ""))
}

unknown contains result.unknown(p, "attribute") if {
	some p in terraform.resources("aws_lb_ssl_negotiation_policy")
	compute.set_unknown(p, "attribute")
}

# Classic load balancers: a negotiation policy that references a weak
# predefined policy or turns an old protocol on.
deny contains result.fail_attr(p, sprintf("attribute.%d", [i]), msg) if {
	some p in terraform.resources("aws_lb_ssl_negotiation_policy")
	some i, attribute in terraform.get(p, "attribute", [])
	msg := _weak(attribute)
}

_weak(a) := sprintf("Reference-Security-Policy %q allows protocols older than TLS 1.2", [a.value]) if {
	a.name == "Reference-Security-Policy"
	not regex.match(_strong, a.value)
} else := sprintf("%s is enabled", [a.name]) if {
	a.name in {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}
	lower(a.value) == "true"
}
