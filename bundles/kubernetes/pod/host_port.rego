# METADATA
# title: Containers do not bind ports of the node
# description: >-
#   A hostPort opens a port on the node's own address, bypassing Services
#   and network policies that govern pod traffic, and pins the pod to nodes
#   where the port is free. Expose workloads through a Service instead.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/concepts/configuration/overview/#services
# custom:
#   id: TNT-K8S-POD-013
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.13"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["host-ports"]
#     k8s-pss-restricted: ["host-ports"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove ports[].hostPort from the containers and expose them through a Service (NodePort or LoadBalancer when they must be reachable from outside).
package tenet.kubernetes.pod.host_port

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "ports"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	some p in c.ports
	p.hostPort > 0
	msg := sprintf("container %q binds host port %d", [kubernetes.container_name(c), p.hostPort])
}
