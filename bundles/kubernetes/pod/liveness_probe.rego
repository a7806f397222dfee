# METADATA
# title: Long-running containers define a liveness probe
# description: >-
#   Without a liveness probe the kubelet restarts a container only when its
#   process exits, so a hung or deadlocked service keeps its place and stays
#   broken. A probe lets Kubernetes detect and restart it.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
# custom:
#   id: TNT-K8S-POD-025
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     soc2-2017: ["A1.1"]
#   remediation: Add a livenessProbe (httpGet, tcpSocket, grpc or exec) to every container of long-running workloads.
package tenet.kubernetes.pod.liveness_probe

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

# Jobs, CronJobs and bare Pods with restartPolicy Never or OnFailure run to
# completion; init containers run to completion too, so only the app
# containers of the others are judged.
deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "livenessProbe"), msg) if {
	some w in kubernetes.workloads
	kubernetes.long_running(w)
	some c in kubernetes.pod_spec(w).containers
	not c.livenessProbe
	msg := sprintf("container %q defines no livenessProbe", [kubernetes.container_name(c)])
}
