# METADATA
# title: Namespaces have a ResourceQuota and a LimitRange
# description: >-
#   A ResourceQuota caps what one namespace can take from the cluster, and a
#   LimitRange gives containers default limits; without them one team's
#   runaway workload can starve all others. They turn shared capacity into a
#   bounded share.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/policy/resource-quotas/
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# custom:
#   id: TNT-K8S-CFG-003
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Namespace]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-5", "SC-6"]
#     soc2-2017: ["A1.1"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/resource-policies"]
#   remediation: Add a ResourceQuota and a LimitRange to the namespace.
package tenet.kubernetes.config.namespace_quotas

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# An object without metadata.namespace counts for every namespace, since it
# may be applied into any of them.
deny contains result.fail(ns, msg) if {
	some ns in kubernetes.objects("Namespace")
	not ns.name in kubernetes.system_namespaces
	missing := [kind | some kind in ["ResourceQuota", "LimitRange"]; not _has(ns, kind)]
	count(missing) > 0
	msg := sprintf("namespace %q has no %s", [ns.name, concat(" and no ", missing)])
}

_has(ns, kind) if {
	some o in kubernetes.objects_beside(ns, kind)
	kubernetes.in_namespace(o, ns.name)
}
