# METADATA
# title: Windows pods do not run as HostProcess containers
# description: >-
#   A Windows HostProcess container runs directly on the node with the
#   host's network and file system, as a node administrator if it asks to.
#   It is meant for node management agents only, never for applications.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
# custom:
#   id: TNT-K8S-POD-010
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.11"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["hostprocess"]
#     k8s-pss-restricted: ["hostprocess"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove securityContext.windowsOptions.hostProcess (or set it to false) from the pod and its containers.
package tenet.kubernetes.pod.host_process

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.spec_attr(w, "securityContext.windowsOptions.hostProcess"), "the pod runs as a Windows HostProcess pod") if {
	some w in kubernetes.workloads
	kubernetes.pod_spec(w).securityContext.windowsOptions.hostProcess == true
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.windowsOptions.hostProcess"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	c.securityContext.windowsOptions.hostProcess == true
	msg := sprintf("container %q runs as a Windows HostProcess container", [kubernetes.container_name(c)])
}
