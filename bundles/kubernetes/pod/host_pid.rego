# METADATA
# title: Pods do not share the host's process namespace
# description: >-
#   With hostPID a container sees, and as root can signal or trace, every
#   process on the node, including other pods' and the kubelet's. Few
#   workloads need it; node agents that do belong in a dedicated namespace.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: TNT-K8S-POD-002
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.3"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["host-namespaces"]
#     k8s-pss-restricted: ["host-namespaces"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove hostPID from the pod spec (or set it to false).
package tenet.kubernetes.pod.host_pid

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.spec_attr(w, "hostPID"), "the pod shares the host's process namespace") if {
	some w in kubernetes.workloads
	kubernetes.pod_spec(w).hostPID == true
}
