# METADATA
# title: Every namespace has a NetworkPolicy
# description: >-
#   Without any NetworkPolicy every pod of a namespace accepts traffic from
#   every pod of the cluster, so one compromised workload can reach all
#   others. A policy per namespace is the start of segmenting that flat
#   network.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/network-policies/
# custom:
#   id: TNT-K8S-NET-001
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Namespace]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.3.2"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/network-policies"]
#   remediation: Add a NetworkPolicy to the namespace, starting with a default-deny policy and allowing the flows the applications need.
package tenet.kubernetes.network.namespace_network_policy

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# The Namespace objects of the input are judged (rules.csv also names
# namespaces that workloads refer to, which would judge a namespace the
# input does not define). A NetworkPolicy without metadata.namespace counts
# for every namespace, since it may be applied into any of them.
deny contains result.fail(ns, sprintf("namespace %q has no NetworkPolicy", [ns.name])) if {
	some ns in kubernetes.objects("Namespace")
	not _has_policy(ns)
}

_has_policy(ns) if {
	some np in kubernetes.objects_beside(ns, "NetworkPolicy")
	kubernetes.in_namespace(np, ns.name)
}
