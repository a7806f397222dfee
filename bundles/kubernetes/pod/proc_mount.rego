# METADATA
# title: Containers use the default /proc mount
# description: >-
#   The default /proc mount masks and makes read-only the paths through
#   which a container could read or change kernel and host state. An
#   Unmasked /proc removes that protection.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: TNT-K8S-POD-017
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["proc-mount-type"]
#     k8s-pss-restricted: ["proc-mount-type"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove securityContext.procMount from the containers or set it to Default.
package tenet.kubernetes.pod.proc_mount

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.procMount"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	mount := c.securityContext.procMount
	is_string(mount)
	not mount in {"", "Default"}
	msg := sprintf("container %q sets procMount %s instead of Default", [kubernetes.container_name(c), mount])
}
