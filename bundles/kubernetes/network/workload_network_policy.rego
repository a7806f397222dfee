# METADATA
# title: Workloads are selected by a NetworkPolicy of their namespace
# description: >-
#   A pod that no NetworkPolicy selects accepts traffic from every pod of the
#   cluster and may reach any of them, however tightly its neighbours are
#   fenced. A manifest set cannot see policies applied from elsewhere, so the
#   rule judges a workload only when the same input holds NetworkPolicies
#   for its namespace (or, for a workload without a namespace, policies
#   without one): it then fails when none of them selects the workload's pods
#   by its podSelector. Namespaces with no policy at all are
#   TNT-K8S-NET-001's. Pods on the host network are left out: policies do
#   not apply to them.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/network-policies/
# custom:
#   id: TNT-K8S-NET-007
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, NetworkPolicy]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/network-policies"]
#   remediation: Add a NetworkPolicy whose podSelector matches the workload's pod labels (or a default-deny policy with an empty podSelector) and allow only the traffic it needs.
package tenet.kubernetes.network.workload_network_policy

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, concat(".", [kubernetes.pod_metadata_path(w), "labels"]), msg) if {
	some w in kubernetes.workloads
	not kubernetes.pod_spec(w).hostNetwork == true
	policies := _policies(w)
	count(policies) > 0
	labels := kubernetes.pod_labels(w)
	not _selected(policies, labels)
	msg := sprintf("no NetworkPolicy of %s selects the pods of %s %q (%d in this input): their traffic is not restricted", [_where(w), w.type, w.name, count(policies)])
}

# _policies(w) are the NetworkPolicies of the input that apply in w's
# namespace: those of that namespace and, when w names one, those that name
# none (they are applied into the namespace of the kubectl apply).
_policies(w) := [p |
	some p in kubernetes.objects_beside(w, "NetworkPolicy")
	kubernetes.in_namespace(p, kubernetes.namespace(w))
]

_selected(policies, labels) if {
	some p in policies
	kubernetes.selects(object.get(p.values.spec, "podSelector", {}), labels)
}

_where(w) := sprintf("namespace %q", [kubernetes.namespace(w)]) if kubernetes.namespace(w) != ""

_where(w) := "the manifest's namespace" if kubernetes.namespace(w) == ""
