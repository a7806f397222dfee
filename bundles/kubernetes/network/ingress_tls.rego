# METADATA
# title: Ingresses serve every host over TLS
# description: >-
#   An Ingress host without TLS receives credentials, cookies and data in
#   clear text, readable and changeable by anyone on the path. Listing every
#   host under spec.tls has the controller terminate HTTPS for it.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/ingress/#tls
# custom:
#   id: TNT-K8S-NET-004
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Ingress]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#     nsa-cisa-k8s-1.2: ["net/encryption"]
#   remediation: Add a spec.tls entry whose hosts cover every rules[].host, with a certificate Secret (cert-manager can issue it).
package tenet.kubernetes.network.ingress_tls

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(ing, "spec.tls", sprintf("Ingress %q has no spec.tls: it serves HTTP only", [ing.name])) if {
	some ing in kubernetes.objects("Ingress")
	count(object.get(ing.values.spec, "tls", [])) == 0
}

# A tls entry without hosts uses the controller's default certificate for
# every host.
deny contains result.fail_attr(ing, sprintf("spec.rules[%d].host", [i]), msg) if {
	some ing in kubernetes.objects("Ingress")
	tls := object.get(ing.values.spec, "tls", [])
	count(tls) > 0
	not _catch_all(tls)
	some i, rule in ing.values.spec.rules
	is_string(rule.host)
	not _covered(rule.host, tls)
	msg := sprintf("Ingress %q serves host %s without TLS: no spec.tls entry lists it", [ing.name, rule.host])
}

_catch_all(tls) if {
	some t in tls
	count(object.get(t, "hosts", [])) == 0
}

_covered(host, tls) if {
	some t in tls
	some h in t.hosts
	_matches(h, host)
}

_matches(h, host) if lower(h) == lower(host)

_matches(h, host) if {
	startswith(h, "*.")
	parts := split(lower(host), ".")
	concat(".", array.concat(["*"], array.slice(parts, 1, count(parts)))) == lower(h)
}
