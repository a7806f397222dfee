# METADATA
# title: Namespaces deny ingress and egress traffic by default
# description: >-
#   Network policies only restrict the pods they select, so pods not covered
#   by any policy stay open in both directions. A default-deny policy for
#   ingress and egress closes that gap and makes every allowed flow
#   explicit.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
# custom:
#   id: TNT-K8S-NET-002
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Namespace]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/network-policies"]
#   remediation: Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress] and no rules, then allow the flows the applications need.
package tenet.kubernetes.network.default_deny

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# rules.csv asks for one policy denying both directions; two policies, one
# per direction, have the same effect and are credited too.
deny contains result.fail(ns, msg) if {
	some ns in kubernetes.objects("Namespace")
	missing := [t | some t in ["Ingress", "Egress"]; not _denied(ns, t)]
	count(missing) > 0
	msg := sprintf("namespace %q has no default-deny NetworkPolicy for %s", [ns.name, concat(" and ", missing)])
}

_denied(ns, type) if {
	some np in kubernetes.objects_beside(ns, "NetworkPolicy")
	kubernetes.in_namespace(np, ns.name)
	spec := object.get(np.values, "spec", {})
	_selects_all(object.get(spec, "podSelector", null))
	type in _policy_types(spec)
	_empty(object.get(spec, lower(type), null))
}

# podSelector {} (or with empty matchLabels and matchExpressions) selects
# every pod of the namespace.
_selects_all(null)

_selects_all(sel) if {
	is_object(sel)
	every _, v in sel {
		_empty(v)
	}
}

_empty(null)

_empty(v) if count(v) == 0

# Without policyTypes a policy is an Ingress policy, and an Egress one too
# when it has egress rules.
_policy_types(spec) := {t | some t in spec.policyTypes} if {
	count(object.get(spec, "policyTypes", [])) > 0
} else := {"Ingress", "Egress"} if {
	count(object.get(spec, "egress", [])) > 0
} else := {"Ingress"}
