# METADATA
# title: Containers set CPU and memory limits
# description: >-
#   A container without limits can take all the CPU or memory of its node,
#   starving its neighbours or getting them evicted. Limits bound the damage
#   of a leak, a bug or a denial-of-service attack to one container.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#   - https://kubernetes.io/docs/concepts/policy/limit-range/
# custom:
#   id: TNT-K8S-POD-021
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
#   remediation: Set resources.limits.cpu and resources.limits.memory on every container, or a LimitRange default for the namespace.
package tenet.kubernetes.pod.resource_limits

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Ephemeral containers cannot set resources, so only containers and init
# containers are judged.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "resources.limits"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.app_containers(w)
	missing := [r | some r in ["cpu", "memory"]; not _limited(w, c, r)]
	count(missing) > 0
	msg := sprintf("container %q sets no %s limit", [kubernetes.container_name(c), concat(" or ", missing)])
}

_limited(_, c, r) if c.resources.limits[r] != null

# A LimitRange default in the workload's namespace, in the same input.
_limited(w, _, r) if {
	some lr in kubernetes.objects_beside(w, "LimitRange")
	object.get(lr, "namespace", "") == object.get(w, "namespace", "")
	some limit in lr.values.spec.limits
	limit.type == "Container"
	limit["default"][r] != null
}
