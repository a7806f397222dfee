# METADATA
# title: Container images are pinned to a version or digest
# description: >-
#   An image without a tag, or tagged latest, can change under the same
#   name between two deployments, so what runs is neither reviewed nor
#   reproducible. A version tag, or better a digest, fixes what is deployed.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
# custom:
#   id: TNT-K8S-POD-023
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-2", "SI-7"]
#     soc2-2017: ["CC8.1"]
#     nsa-cisa-k8s-1.2: ["pod/secure-images"]
#   remediation: Reference the image by a version tag such as nginx:1.27.2, or by digest (image@sha256:...).
package tenet.kubernetes.pod.image_tag

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# rules.csv also has a strict mode that requires a digest; a mode needs
# configuration data the bundles do not have yet, so only tags are judged.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "image"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	ref := kubernetes.image_reference(c.image)
	ref.digest == ""
	ref.tag in {"", "latest"}
	msg := sprintf("container %q uses image %q, which %s", [kubernetes.container_name(c), c.image, _problem(ref.tag)])
}

_problem("") := "has no tag"

_problem("latest") := "uses the mutable tag latest"
