# METADATA
# title: Containers run with a read-only root file system
# description: >-
#   A writable root file system lets an intruder drop tools or change
#   binaries and configuration inside the running container. A read-only
#   one, with emptyDir volumes where the application must write, keeps the
#   image as it was built.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: TNT-K8S-POD-020
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.7.3"]
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39", "SI-7"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["pod/immutable-fs"]
#   remediation: Set securityContext.readOnlyRootFilesystem = true on every container and init container, mounting emptyDir volumes for paths that must be writable.
package tenet.kubernetes.pod.read_only_root_filesystem

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Ephemeral debug containers are left out, as rules.csv says.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.readOnlyRootFilesystem"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.app_containers(w)
	not c.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("container %q does not set readOnlyRootFilesystem to true", [kubernetes.container_name(c)])
}
