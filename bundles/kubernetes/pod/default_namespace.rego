# METADATA
# title: Objects are placed in a namespace of their own, not default
# description: >-
#   The default namespace is where everything lands that nobody placed, so
#   quotas, network policies and RBAC written for an application rarely
#   cover it. Putting each application in its own namespace makes those
#   boundaries possible.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
# custom:
#   id: TNT-K8S-POD-029
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Service, ConfigMap, Secret, Role, RoleBinding, ServiceAccount]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.7.4"]
#     nist-800-53-r5: ["CM-6", "SC-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.1"]
#     nsa-cisa-k8s-1.2: ["net/namespaces"]
#   remediation: Set metadata.namespace to the application's own namespace (or deploy with kubectl apply -n, Helm --namespace or a kustomize namespace).
package tenet.kubernetes.pod.default_namespace

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_kinds := array.concat(kubernetes.workload_kinds, ["Service", "ConfigMap", "Secret", "Role", "RoleBinding", "ServiceAccount"])

_objects contains r if {
	some kind in _kinds
	some r in kubernetes.objects(kind)
	not _managed(r)
}

# The Service "kubernetes" in default is the API server's own.
_managed(r) if {
	r.type == "Service"
	r.name == "kubernetes"
}

deny contains result.fail_attr(r, "metadata.namespace", sprintf("%s %q is placed in the default namespace", [r.type, r.name])) if {
	some r in _objects
	kubernetes.namespace(r) == "default"
}

# Without metadata.namespace the namespace is chosen when the manifest is
# applied (kubectl -n, the context, Helm or kustomize): the file cannot tell,
# so the result is unknown rather than a failure.
unknown contains result.unknown_msg(r, "metadata.namespace", msg) if {
	some r in _objects
	kubernetes.namespace(r) == ""
	msg := "metadata.namespace is not set: the namespace is chosen when the manifest is applied"
}
