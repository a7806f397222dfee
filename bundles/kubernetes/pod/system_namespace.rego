# METADATA
# title: Application objects stay out of the system namespaces
# description: >-
#   kube-system holds the cluster's own components, whose service accounts
#   and secrets are powerful; an application placed there shares that blast
#   radius and is usually exempt from the policies applied to application
#   namespaces. kube-public and kube-node-lease are reserved too.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
# custom:
#   id: TNT-K8S-POD-030
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Service, ConfigMap, Secret, Role, RoleBinding]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["CM-6", "SC-7"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["2.2.1"]
#     nsa-cisa-k8s-1.2: ["net/namespaces"]
#   remediation: Move the object to a namespace of the application's own; keep kube-system for cluster components.
package tenet.kubernetes.pod.system_namespace

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_kinds := array.concat(kubernetes.workload_kinds, ["Service", "ConfigMap", "Secret", "Role", "RoleBinding"])

# rules.csv exempts a parameterised list of system components; without
# configuration data, cluster components are recognised by the labels that
# the addon manager, the bootstrap RBAC and cluster addons (k8s-app) put on
# them, and kubeadm's tier: control-plane on static pods.
_component_labels := {
	"addonmanager.kubernetes.io/mode",
	"kubernetes.io/cluster-service",
	"kubernetes.io/bootstrapping",
	"k8s-app",
}

deny contains result.fail_attr(r, "metadata.namespace", msg) if {
	some kind in _kinds
	some r in kubernetes.objects(kind)
	kubernetes.namespace(r) in kubernetes.system_namespaces
	not _component(r)
	msg := sprintf("%s %q is placed in the system namespace %s", [r.type, r.name, kubernetes.namespace(r)])
}

_component(r) if {
	some key, _ in kubernetes.labels(r)
	key in _component_labels
}

_component(r) if kubernetes.labels(r).tier == "control-plane"

# A RoleBinding to one of the roles Kubernetes keeps in kube-system (such as
# extension-apiserver-authentication-reader, which every aggregated API
# server needs) can only live there.
_component(r) if {
	r.type == "RoleBinding"
	r.values.roleRef.kind == "Role"
	_kube_system_role(r.values.roleRef.name)
}

_kube_system_role("extension-apiserver-authentication-reader")

_kube_system_role(name) if startswith(name, "system:")
