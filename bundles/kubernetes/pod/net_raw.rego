# METADATA
# title: Containers run without the NET_RAW capability
# description: >-
#   NET_RAW lets a process craft arbitrary packets, which enables ARP and
#   DNS spoofing against other pods on the node. Container runtimes grant it
#   by default, so it has to be dropped explicitly.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# custom:
#   id: TNT-K8S-POD-007
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.8"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-restricted: ["capabilities"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Add NET_RAW (or ALL) to securityContext.capabilities.drop on every container and remove it from capabilities.add.
package tenet.kubernetes.pod.net_raw

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Windows pods are exempt: the setting is Linux-only (Pod Security Standards).

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.capabilities.add"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	some cap in (kubernetes.capabilities(c, "add") & {"NET_RAW", "ALL"})
	msg := sprintf("container %q adds capability %s, which includes NET_RAW", [kubernetes.container_name(c), cap])
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.capabilities.drop"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	count(kubernetes.capabilities(c, "drop") & {"NET_RAW", "ALL"}) == 0
	msg := sprintf("container %q does not drop NET_RAW (capabilities.drop has neither NET_RAW nor ALL)", [kubernetes.container_name(c)])
}
