package tenet.kubernetes.rbac.default_service_account_test

import rego.v1

import data.tenet.kubernetes.rbac.default_service_account as check
import data.tenet.lib.fixtures

_binding(kind, name, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name, "namespace": "shop"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"}, "subjects": subjects,
}

_sa(name, extra) := object.union({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": "shop"}}, extra)

test_deny_binding_to_default if {
	b := _binding("RoleBinding", "read-pods", [{"kind": "ServiceAccount", "name": "default"}])
	check.deny == {{
		"msg": `RoleBinding "read-pods" grants role "pod-reader" to the default service account of namespace "shop"`,
		"resource": "shop/RoleBinding/read-pods",
		"attribute": "subjects[0]",
	}} with input as fixtures.manifest([b])
}

test_deny_default_account_mounting_token if {
	check.deny == {{
		"msg": "the default ServiceAccount does not set automountServiceAccountToken to false",
		"resource": "shop/ServiceAccount/default",
		"attribute": "automountServiceAccountToken",
	}} with input as fixtures.manifest([_sa("default", {"automountServiceAccountToken": true})])
}

test_deny_unset_on_default if {
	{f.resource | some f in check.deny} == {"shop/ServiceAccount/default"} with input as fixtures.manifest([_sa("default", {})])
}

test_allow_dedicated_accounts if {
	inp := fixtures.manifest([
		_binding("ClusterRoleBinding", "b", [{"kind": "ServiceAccount", "name": "app", "namespace": "shop"}, {"kind": "User", "name": "default"}]),
		_sa("default", {"automountServiceAccountToken": false}),
		_sa("app", {}),
	])
	check.deny == set() with input as inp
}
