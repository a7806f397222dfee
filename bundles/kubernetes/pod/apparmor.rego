# METADATA
# title: Containers keep an AppArmor profile
# description: >-
#   On nodes with AppArmor the runtime confines every container with a
#   default profile that blocks writes to sensitive kernel interfaces.
#   Marking a container unconfined removes that layer for no functional gain
#   in almost every case.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
#   - https://kubernetes.io/docs/tutorials/security/apparmor/
# custom:
#   id: TNT-K8S-POD-015
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
#     k8s-pss-baseline: ["apparmor"]
#     k8s-pss-restricted: ["apparmor"]
#     nsa-cisa-k8s-1.2: ["pod/container-hardening"]
#   remediation: Remove the Unconfined AppArmor profile (securityContext.appArmorProfile or the container.apparmor.security.beta.kubernetes.io annotation) or set it to RuntimeDefault.
package tenet.kubernetes.pod.apparmor

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "securityContext.appArmorProfile.type"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	kubernetes.security_setting(w, c, "appArmorProfile").type == "Unconfined"
	msg := sprintf("container %q runs with AppArmor profile Unconfined", [kubernetes.container_name(c)])
}

deny contains result.fail_attr(w, kubernetes.pod_annotation_attr(w, key), msg) if {
	some w in kubernetes.workloads
	some key, value in kubernetes.pod_annotations(w)
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	value == "unconfined"
	msg := sprintf("annotation %s runs container %q without AppArmor (unconfined)", [key, trim_prefix(key, "container.apparmor.security.beta.kubernetes.io/")])
}
