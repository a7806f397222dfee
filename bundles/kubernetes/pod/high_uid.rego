# METADATA
# title: Containers run with a user and group ID above 10000
# description: >-
#   User and group IDs up to 10000 are where nodes keep their own accounts
#   and groups: a container process that breaks out with such an ID acts as
#   that account on the node, and files it writes to shared volumes belong to
#   it. IDs above 10000 belong to no one on the node. The rule judges
#   runAsUser and runAsGroup where the manifest sets them (a container's value
#   overrides the pod's); when they are unset the image decides, which the
#   manifest does not show, and TNT-K8S-POD-006 already requires a non-root
#   user.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
# custom:
#   id: TNT-K8S-POD-031
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.1", "CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["pod/non-root"]
#   remediation: Set securityContext.runAsUser and runAsGroup to IDs above 10000 (for example 10001) in the pod spec or on every container, and build the image so that it works under that user.
package tenet.kubernetes.pod.high_uid

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_noun := {"runAsUser": "user", "runAsGroup": "group"}

# Unlike Trivy (KSV020, KSV021) and Checkov (CKV_K8S_40), an unset value
# does not fail: the image's USER then applies, which a manifest cannot
# show. Windows pods are exempt: the fields are Linux-only.
deny contains result.fail_attr(w, _attr(w, c, key), msg) if {
	some w in kubernetes.workloads
	not kubernetes.windows(w)
	some c in kubernetes.containers(w)
	some key, noun in _noun
	id := kubernetes.security_setting(w, c, key)
	is_number(id)
	id <= 10000
	msg := sprintf("container %q runs with %s ID %v (%s), which may be an account of the node: use an ID above 10000", [kubernetes.container_name(c), noun, id, key])
}

_attr(w, c, key) := kubernetes.container_attr(w, c, concat(".", ["securityContext", key])) if {
	c.securityContext[key] != null
} else := kubernetes.spec_attr(w, concat(".", ["securityContext", key]))
