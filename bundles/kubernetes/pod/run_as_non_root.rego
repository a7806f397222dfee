# METADATA
# title: Containers run as a non-root user
# description: >-
#   A process running as UID 0 is root on the node as soon as it escapes
#   the container, and can change anything in its own file system before
#   that. Requiring a non-root user limits what a compromised process can do.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: TNT-K8S-POD-006
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.7"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-restricted: ["running-as-non-root", "running-as-non-root-user"]
#     nsa-cisa-k8s-1.2: ["pod/non-root"]
#   remediation: Set securityContext.runAsNonRoot = true (pod or container) and run the image as a user other than 0.
package tenet.kubernetes.pod.run_as_non_root

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Container securityContext values override the pod's (security_setting).
# rules.csv asks for runAsNonRoot; a runAsUser above 0 is accepted as well,
# since the kubelet then never starts the process as root.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.runAsUser"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	_root_user(w, c)
	msg := sprintf("container %q runs as user 0 (root)", [kubernetes.container_name(c)])
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.runAsNonRoot"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	not _root_user(w, c)
	not _non_root(w, c)
	msg := sprintf("container %q may run as root: neither runAsNonRoot nor a non-zero runAsUser is set", [kubernetes.container_name(c)])
}

_root_user(w, c) if kubernetes.security_setting(w, c, "runAsUser") == 0

_non_root(w, c) if kubernetes.security_setting(w, c, "runAsNonRoot") == true

_non_root(w, c) if kubernetes.security_setting(w, c, "runAsUser") > 0
