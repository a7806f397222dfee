# METADATA
# title: Containers add no capabilities beyond the runtime's default set
# description: >-
#   Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_MODULE give a container
#   powers over the kernel and the node that make escaping it easy. The Pod
#   Security Standards baseline profile allows adding only the capabilities
#   a container runtime grants anyway.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container
# custom:
#   id: TNT-K8S-POD-008
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.9"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["capabilities"]
#     k8s-pss-restricted: ["capabilities"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove every capability outside the runtime default set from securityContext.capabilities.add.
package tenet.kubernetes.pod.capabilities_baseline

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# The baseline profile's allowed set: the default capabilities of the
# container runtimes.
_allowed := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.capabilities.add"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	extra := kubernetes.capabilities(c, "add") - _allowed
	count(extra) > 0
	msg := sprintf("container %q adds capabilities beyond the default set: %s", [kubernetes.container_name(c), concat(", ", sort(extra))])
}
