# METADATA
# title: Pods set only namespaced, safe sysctls
# description: >-
#   Sysctls outside the safe set can change kernel behaviour for the whole
#   node or for other pods, or exhaust kernel resources. The baseline
#   profile lists the few that are isolated per pod.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
# custom:
#   id: TNT-K8S-POD-018
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
#     k8s-pss-baseline: ["sysctls"]
#     k8s-pss-restricted: ["sysctls"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove every sysctl outside the safe set from spec.securityContext.sysctls, or tune it on the node instead.
package tenet.kubernetes.pod.sysctls

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

# Kubernetes accepts sysctl names written with / as separator as well.
deny contains result.fail_attr(w, kubernetes.spec_attr(w, "securityContext.sysctls"), msg) if {
	some w in kubernetes.workloads
	some s in kubernetes.pod_spec(w).securityContext.sysctls
	not replace(s.name, "/", ".") in _safe
	msg := sprintf("the pod sets sysctl %s, which is not in the safe set", [s.name])
}
