# METADATA
# title: Pods do not share one process namespace between containers
# description: >-
#   With shareProcessNamespace every container of the pod sees the others'
#   processes, can signal them and reads their environment and file systems
#   through /proc: a compromised sidecar reaches the application's secrets,
#   and the other way round. Keep it for debugging, not in running workloads.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
# custom:
#   id: TNT-K8S-POD-034
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove shareProcessNamespace from the pod spec; debug a running pod with an ephemeral container (kubectl debug --target) instead.
package tenet.kubernetes.pod.share_process_namespace

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.spec_attr(w, "shareProcessNamespace"), msg) if {
	some w in kubernetes.workloads
	kubernetes.pod_spec(w).shareProcessNamespace == true
	msg := sprintf("the containers of %s %q share one process namespace", [w.type, w.name])
}
