package tenet.kubernetes.pod.system_namespace_test

import rego.v1

import data.tenet.kubernetes.pod.system_namespace as check
import data.tenet.lib.fixtures

_in(obj, ns, labels) := object.union(obj, {"metadata": {"namespace": ns, "labels": labels}})

_deploy := fixtures.workload("Deployment", "shop", {"containers": [fixtures.container("a", "a:1")]})

test_deny_application_in_kube_system if {
	check.deny == {{
		"msg": `Deployment "shop" is placed in the system namespace kube-system`,
		"resource": "kube-system/Deployment/shop",
		"attribute": "metadata.namespace",
	}} with input as fixtures.manifest([_in(_deploy, "kube-system", {"app": "shop"})])
}

test_deny_secret_in_kube_public if {
	s := {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds", "namespace": "kube-public"}}
	{f.resource | some f in check.deny} == {"kube-public/Secret/creds"} with input as fixtures.manifest([s])
}

test_allow_components_and_other_namespaces if {
	inp := fixtures.manifest([
		_in(_deploy, "kube-system", {"k8s-app": "kube-dns"}),
		_in(fixtures.workload("Pod", "kube-apiserver", {"containers": [fixtures.container("a", "a:1")]}), "kube-system", {"tier": "control-plane"}),
		_in(fixtures.workload("DaemonSet", "addon", {"containers": [fixtures.container("a", "a:1")]}), "kube-system", {"addonmanager.kubernetes.io/mode": "Reconcile"}),
		_in(_deploy, "shop", {"tier": "frontend"}),
	])
	check.deny == set() with input as inp
}

# k8sexamples-vllm-prometheus-adapter.yaml: the adapter's binding to the
# authentication reader role must be in kube-system.
test_allow_k8sexamples_vllm_prometheus_adapter_auth_reader if {
	b := {
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
		"metadata": {"name": "prometheus-adapter-auth-reader", "namespace": "kube-system"},
		"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "extension-apiserver-authentication-reader"},
		"subjects": [{"kind": "ServiceAccount", "name": "prometheus-adapter", "namespace": "monitoring"}],
	}
	leader := object.union(b, {"metadata": {"name": "leader"}, "roleRef": {"name": "system::leader-locking-kube-scheduler"}})
	check.deny == set() with input as fixtures.manifest([b, leader])
}

test_deny_binding_to_own_role_in_kube_system if {
	b := {
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
		"metadata": {"name": "mine", "namespace": "kube-system"},
		"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "my-role"},
	}
	{f.resource | some f in check.deny} == {"kube-system/RoleBinding/mine"} with input as fixtures.manifest([b])
}
