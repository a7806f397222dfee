# METADATA
# title: Containers set CPU and memory requests
# description: >-
#   The scheduler places pods by their requests; a container without them
#   can land on a full node and be the first one evicted or starved.
#   Requests also give capacity planning real numbers.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# custom:
#   id: TNT-K8S-POD-022
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-5", "SC-6"]
#     soc2-2017: ["A1.1"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/resource-policies"]
#   remediation: Set resources.requests.cpu and resources.requests.memory on every container, or a LimitRange defaultRequest for the namespace.
package tenet.kubernetes.pod.resource_requests

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Kubernetes copies a limit into a missing request, and applies a
# LimitRange default, so both count as a request (rules.csv asks for the
# request field alone, which would report containers with a defined request).
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "resources.requests"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.app_containers(w)
	missing := [r | some r in ["cpu", "memory"]; not _requested(w, c, r)]
	count(missing) > 0
	msg := sprintf("container %q sets no %s request", [kubernetes.container_name(c), concat(" or ", missing)])
}

_requested(_, c, r) if c.resources.requests[r] != null

_requested(_, c, r) if c.resources.limits[r] != null

_requested(w, _, r) if {
	some lr in kubernetes.objects_beside(w, "LimitRange")
	kubernetes.in_namespace(lr, kubernetes.namespace(w))
	some limit in lr.values.spec.limits
	limit.type == "Container"
	some field in ["defaultRequest", "default"]
	limit[field][r] != null
}
