# METADATA
# title: Containers do not allow privilege escalation
# description: >-
#   Unless allowPrivilegeEscalation is false, a process can gain more
#   privileges than its parent through setuid binaries or file capabilities.
#   Kubernetes allows escalation by default, so the setting must be written
#   out on every container.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: TNT-K8S-POD-005
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.6"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-restricted: ["privilege-escalation"]
#     nsa-cisa-k8s-1.2: ["pod/non-root"]
#   remediation: Set securityContext.allowPrivilegeEscalation = false on every container, init container and ephemeral container.
package tenet.kubernetes.pod.privilege_escalation

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Windows pods are exempt: the setting is Linux-only (Pod Security Standards).
# The field exists only on containers, not in the pod securityContext, and
# an unset value means escalation is allowed.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.allowPrivilegeEscalation"), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	not c.securityContext.allowPrivilegeEscalation == false
	msg := sprintf("container %q %s", [kubernetes.container_name(c), _problem(c)])
}

_problem(c) := "sets allowPrivilegeEscalation to true" if {
	c.securityContext.allowPrivilegeEscalation == true
} else := "does not set allowPrivilegeEscalation to false (unset allows escalation)"
