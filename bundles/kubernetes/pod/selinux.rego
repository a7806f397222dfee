# METADATA
# title: SELinux options use only the container types
# description: >-
#   Choosing an SELinux user, role or a type such as spc_t or unconfined_t
#   lifts the confinement the node's policy puts on containers. The baseline
#   profile allows only the standard container types.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container
# custom:
#   id: TNT-K8S-POD-016
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
#     k8s-pss-baseline: ["selinux"]
#     k8s-pss-restricted: ["selinux"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove seLinuxOptions.user and role, and leave seLinuxOptions.type unset or set it to container_t, container_init_t, container_kvm_t or container_engine_t.
package tenet.kubernetes.pod.selinux

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# container_engine_t was added to the allowed types in Kubernetes 1.31; the
# rules.csv list predates it.
_allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

deny contains result.fail_attr(w, kubernetes.spec_attr(w, concat(".", ["securityContext.seLinuxOptions", field])), msg) if {
	some w in kubernetes.workloads
	some field, problem in _problems(kubernetes.pod_spec(w).securityContext.seLinuxOptions)
	msg := sprintf("the pod's seLinuxOptions %s", [problem])
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, concat(".", ["securityContext.seLinuxOptions", field])), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	some field, problem in _problems(c.securityContext.seLinuxOptions)
	msg := sprintf("container %q seLinuxOptions %s", [kubernetes.container_name(c), problem])
}

_problems(opts) := {field: problem |
	some field in ["type", "user", "role"]
	v := opts[field]
	is_string(v)
	problem := _problem(field, v)
}

_problem("type", v) := sprintf("sets type %s, which is not a container type", [v]) if not v in _allowed_types

_problem(field, v) := sprintf("sets %s %s", [field, v]) if {
	field in {"user", "role"}
	v != ""
}
