# METADATA
# title: Containers that serve traffic define a readiness probe
# description: >-
#   Without a readiness probe a Service sends requests to a container as
#   soon as it starts, before it can answer, and keeps doing so when it
#   stops answering. A probe keeps such pods out of the endpoints until they
#   are ready.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
# custom:
#   id: TNT-K8S-POD-026
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     soc2-2017: ["A1.1"]
#   remediation: Add a readinessProbe to every container that declares ports in Deployments, StatefulSets, DaemonSets, ReplicaSets and Pods.
package tenet.kubernetes.pod.readiness_probe

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# A container serves traffic when it declares a containerPort: a manifest
# shows nothing else, and workers without ports need no readiness probe.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "readinessProbe"), msg) if {
	some w in kubernetes.workloads
	kubernetes.long_running(w)
	some c in kubernetes.pod_spec(w).containers
	count(object.get(c, "ports", [])) > 0
	not c.readinessProbe
	msg := sprintf("container %q declares ports but defines no readinessProbe", [kubernetes.container_name(c)])
}
