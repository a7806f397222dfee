# METADATA
# title: Containers listen on unprivileged ports
# description: >-
#   Ports below 1024 can be bound only by root or with the NET_BIND_SERVICE
#   capability, so a container that declares one either runs with more
#   privilege than it needs or fails once it is made to run as non-root
#   without capabilities. A port of 1024 or above, mapped by a Service to 80
#   or 443, needs neither. Pods that lower net.ipv4.ip_unprivileged_port_start
#   below the port through sysctls bind it without privilege and pass.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
#   - https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
# custom:
#   id: TNT-K8S-POD-032
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["pod/non-root"]
#   remediation: Have the application listen on a port of 1024 or above (8080, 8443) and let the Service's port map 80 or 443 to it.
package tenet.kubernetes.pod.privileged_ports

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, sprintf("ports[%d].containerPort", [i])), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.app_containers(w)
	some i, p in c.ports
	is_number(p.containerPort)
	p.containerPort > 0
	p.containerPort < _unprivileged_start(w)
	msg := sprintf("container %q listens on privileged port %d, which needs root or NET_BIND_SERVICE", [kubernetes.container_name(c), p.containerPort])
}

# _unprivileged_start(w) is the first port that w's pods bind without
# privilege: 1024 unless a pod sysctl lowers it.
_unprivileged_start(w) := to_number(s.value) if {
	some s in kubernetes.pod_spec(w).securityContext.sysctls
	s.name in {"net.ipv4.ip_unprivileged_port_start", "net/ipv4/ip_unprivileged_port_start"}
	regex.match(`^[0-9]+$`, sprintf("%v", [s.value]))
} else := 1024
