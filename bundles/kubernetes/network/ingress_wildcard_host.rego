# METADATA
# title: Ingresses name their hosts instead of using wildcards
# description: >-
#   An Ingress rule for "*" or "*.example.com" takes every host name that
#   reaches the controller, or every subdomain: requests meant for a
#   subdomain nobody configured, or for a name an attacker points at the
#   load balancer, all land on this backend. Naming each host keeps the
#   exposed surface to what was meant.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards
# custom:
#   id: TNT-K8S-NET-005
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Ingress]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.3.1"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Replace the wildcard in spec.rules[].host with the host names the backend serves, one rule each.
package tenet.kubernetes.network.ingress_wildcard_host

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(ing, sprintf("spec.rules[%d].host", [i]), msg) if {
	some ing in kubernetes.objects("Ingress")
	some i, rule in ing.values.spec.rules
	is_string(rule.host)
	_wildcard(rule.host)
	msg := sprintf("Ingress %q routes the wildcard host %s", [ing.name, rule.host])
}

_wildcard(host) if host == "*"

_wildcard(host) if startswith(host, "*.")
