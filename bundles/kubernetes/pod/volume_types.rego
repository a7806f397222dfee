# METADATA
# title: Pods use only the volume types of the restricted profile
# description: >-
#   Inline volume sources such as hostPath, nfs or cloud disks bypass the
#   persistent volume layer where administrators control storage access. The
#   restricted profile allows only volume types that are ephemeral,
#   projected or backed by a claim.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
#   - https://kubernetes.io/docs/concepts/storage/volumes/
# custom:
#   id: TNT-K8S-POD-019
#   severity: low
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
#     k8s-pss-restricted: ["volume-types"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Replace inline volume sources with a persistentVolumeClaim (or configMap, secret, projected, downwardAPI, emptyDir, ephemeral or csi volumes).
package tenet.kubernetes.pod.volume_types

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_allowed := {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

deny contains result.fail_attr(w, kubernetes.volume_attr(w, v, source), msg) if {
	some w in kubernetes.workloads
	some v in kubernetes.volumes(w)
	some source, value in v
	source != "name"
	value != null
	not source in _allowed
	msg := sprintf("volume %q uses source %s, which the restricted profile does not allow", [object.get(v, "name", "?"), source])
}
