# METADATA
# title: Services do not set externalIPs
# description: >-
#   Whoever can set a Service's externalIPs can make the cluster capture
#   traffic meant for any address, including other tenants' and outside
#   services' (CVE-2020-8554). Use a LoadBalancer or Ingress instead.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/service/#external-ips
#   - https://github.com/kubernetes/kubernetes/issues/97076
# custom:
#   id: TNT-K8S-NET-003
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Service]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Remove spec.externalIPs from the Service and expose it through a LoadBalancer Service or an Ingress.
package tenet.kubernetes.network.external_ips

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# rules.csv allows a namespace allow-list; without configuration data every
# Service is judged.
deny contains result.fail_attr(svc, "spec.externalIPs", msg) if {
	some svc in kubernetes.objects("Service")
	ips := svc.values.spec.externalIPs
	count(ips) > 0
	msg := sprintf("Service %q sets externalIPs %s", [svc.name, concat(", ", [sprintf("%v", [ip]) | some ip in ips])])
}
