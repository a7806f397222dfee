# METADATA
# title: Secrets reach containers as files, not environment variables
# description: >-
#   Environment variables end up in crash dumps, debug output, child
#   processes and the logs of tools that print their environment. Secrets
#   mounted as files stay out of those, and are updated in place when the
#   Secret changes.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod
# custom:
#   id: TNT-K8S-POD-027
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.4.1"]
#     nist-800-53-r5: ["IA-5", "SC-28"]
#     soc2-2017: ["CC6.1"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["net/secrets"]
#   remediation: Mount the Secret as a volume and read it from a file instead of env[].valueFrom.secretKeyRef or envFrom[].secretRef.
package tenet.kubernetes.pod.secret_env

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "env"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	some e in c.env
	ref := e.valueFrom.secretKeyRef
	msg := sprintf("container %q reads Secret %q into environment variable %s", [kubernetes.container_name(c), object.get(ref, "name", "?"), e.name])
}

deny contains result.fail_attr(w, kubernetes.container_attr(w, c, "envFrom"), msg) if {
	some w in kubernetes.workloads
	some c in kubernetes.containers(w)
	some e in c.envFrom
	ref := e.secretRef
	msg := sprintf("container %q loads every key of Secret %q into its environment", [kubernetes.container_name(c), object.get(ref, "name", "?")])
}
