# METADATA
# title: Container images come from the allowed registries
# description: >-
#   An image pulled from an arbitrary registry skips the scanning, signing
#   and retention that an organisation applies to its own, and a typo or a
#   look-alike name can fetch someone else's code. Parameter
#   allowed_registries (tenet.params.allowed_registries in a --data file): the
#   registry hosts or repository prefixes images may come from, such as
#   "ghcr.io/acme/" or "docker.io/library/"; an image without a registry is
#   on docker.io (library/ for a single name). Unset or empty, the rule is off.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - https://kubernetes.io/docs/concepts/security/security-checklist/#images
# custom:
#   id: TNT-K8S-POD-024
#   severity: medium
#   requires: [allowed_registries]
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-2", "CM-7(5)", "SI-7"]
#     soc2-2017: ["CC8.1"]
#     nsa-cisa-k8s-1.2: ["pod/secure-images"]
#   remediation: Pull the image from one of the allowed registries (mirror it there first), or add its registry or repository prefix to allowed_registries when the organisation trusts it.
package tenet.kubernetes.pod.allowed_registries

import rego.v1

import data.tenet.lib.images
import data.tenet.lib.kubernetes
import data.tenet.lib.params
import data.tenet.lib.result

_allowed := params.list("allowed_registries")

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "image"), msg) if {
	count(_allowed) > 0
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	is_string(c.image)
	c.image != ""
	not images.allowed(c.image, _allowed)
	msg := sprintf("container %q pulls %s from %s, which allowed_registries does not list", [kubernetes.container_name(c), c.image, images.repository(c.image)])
}
