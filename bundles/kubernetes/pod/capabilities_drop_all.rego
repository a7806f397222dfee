# METADATA
# title: Containers drop all capabilities and add back at most NET_BIND_SERVICE
# description: >-
#   Most applications need none of the capabilities a runtime grants by
#   default, and each one left in place is something an attacker can use
#   after a compromise. The restricted profile therefore drops them all and
#   allows adding back only NET_BIND_SERVICE.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# custom:
#   id: TNT-K8S-POD-009
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.10"]
#     nist-800-53-r5: ["AC-6", "CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-restricted: ["capabilities"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Set securityContext.capabilities.drop = ["ALL"] on every container and add back only NET_BIND_SERVICE where a low port is needed.
package tenet.kubernetes.pod.capabilities_drop_all

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Windows pods are exempt: the setting is Linux-only (Pod Security Standards).

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.capabilities.drop"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	not "ALL" in kubernetes.capabilities(c, "drop")
	msg := sprintf("container %q does not drop ALL capabilities", [kubernetes.container_name(c)])
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.capabilities.add"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	extra := kubernetes.capabilities(c, "add") - {"NET_BIND_SERVICE"}
	count(extra) > 0
	msg := sprintf("container %q adds capabilities other than NET_BIND_SERVICE: %s", [kubernetes.container_name(c), concat(", ", sort(extra))])
}
