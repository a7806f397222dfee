# METADATA
# title: Pods mount no hostPath volumes
# description: >-
#   A hostPath volume exposes a directory of the node to the container,
#   which can read other workloads' data or credentials there and, when
#   writable, plant files the node will execute. Use persistent volumes,
#   config maps or secrets instead.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
# custom:
#   id: TNT-K8S-POD-011
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.12"]
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     k8s-pss-baseline: ["hostpath-volumes"]
#     k8s-pss-restricted: ["hostpath-volumes"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Replace hostPath volumes with persistentVolumeClaim, configMap, secret or emptyDir volumes; keep node agents that need one in a dedicated, audited namespace.
package tenet.kubernetes.pod.host_path

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# rules.csv allows a parameterised allow-list of read-only system paths; the
# bundles have no configuration data yet, so every hostPath is reported.
deny contains result.fail_attr(w, kubernetes.volume_attr(w, v, "hostPath"), msg) if {
	some w in kubernetes.workloads
	some v in kubernetes.volumes(w)
	v.hostPath != null
	msg := sprintf("volume %q mounts host path %q", [object.get(v, "name", "?"), object.get(v.hostPath, "path", "?")])
}
