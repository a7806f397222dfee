# METADATA
# title: Containers run with the RuntimeDefault or a Localhost seccomp profile
# description: >-
#   Without a seccomp profile a container can call every system call of the
#   node's kernel, including the rarely used ones where kernel exploits
#   live. The runtime's default profile blocks those at almost no cost to
#   applications.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   - https://kubernetes.io/docs/tutorials/security/seccomp/
# custom:
#   id: TNT-K8S-POD-014
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.7.2"]
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-restricted: ["seccomp"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Set securityContext.seccompProfile.type = RuntimeDefault (or Localhost with a profile) in the pod spec or on every container.
package tenet.kubernetes.pod.seccomp

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Windows pods are exempt: the setting is Linux-only (Pod Security Standards).
# The effective profile, in the order the API server resolves it: the
# container's field, its deprecated annotation, the pod's field, the pod's
# deprecated annotation (older manifests still use the annotations).
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.seccompProfile.type"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	profile := _profile(w, c)
	not profile in {"RuntimeDefault", "Localhost"}
	msg := sprintf("container %q %s", [kubernetes.container_name(c), _problem(profile)])
}

_problem("") := "sets no seccomp profile (seccompProfile.type is unset, so Unconfined)"

_problem(p) := sprintf("uses seccomp profile %s instead of RuntimeDefault or Localhost", [p]) if p != ""

_profile(w, c) := kubernetes.seccomp_profile(w, c)
