# METADATA
# title: Containers do not run privileged
# description: >-
#   A privileged container gets every capability and the host's devices,
#   so escaping to the node is trivial. Grant the specific capabilities a
#   workload needs instead.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
# custom:
#   id: TNT-K8S-POD-001
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.2"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["privileged-containers"]
#     k8s-pss-restricted: ["privileged-containers"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove securityContext.privileged (or set it to false) and add only the capabilities the container needs.
package tenet.kubernetes.pod.privileged

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.privileged"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	c.securityContext.privileged == true
	msg := sprintf("container %q runs privileged", [kubernetes.container_name(c)])
}
