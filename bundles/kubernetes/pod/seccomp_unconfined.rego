# METADATA
# title: Containers do not switch seccomp off
# description: >-
#   A seccomp profile of Unconfined removes the system call filter that the
#   container runtime would otherwise apply, opening the whole kernel
#   interface to the container. The baseline Pod Security Standard forbids
#   setting it; leaving the profile unset is allowed there (the restricted
#   profile, TNT-K8S-POD-014, asks for an explicit one).
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tutorials/security/seccomp/
# custom:
#   id: TNT-K8S-POD-033
#   severity: high
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
#     k8s-pss-baseline: ["seccomp"]
#     k8s-pss-restricted: ["seccomp"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a profile that allows what the application needs) instead of Unconfined, and remove unconfined seccomp annotations.
package tenet.kubernetes.pod.seccomp_unconfined

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Windows pods are exempt: seccomp is Linux-only.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.seccompProfile.type"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	kubernetes.seccomp_profile(w, c) == "Unconfined"
	msg := sprintf("container %q runs with seccomp profile Unconfined", [kubernetes.container_name(c)])
}
