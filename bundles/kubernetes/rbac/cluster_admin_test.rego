package tenet.kubernetes.rbac.cluster_admin_test

import rego.v1

import data.tenet.kubernetes.rbac.cluster_admin as check
import data.tenet.lib.fixtures

_binding(kind, name, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role}, "subjects": subjects,
}

test_deny_service_account_bound if {
	b := _binding("ClusterRoleBinding", "tiller", "cluster-admin", [{"kind": "ServiceAccount", "name": "tiller", "namespace": "kube-system"}])
	check.deny == {{
		"msg": `ClusterRoleBinding "tiller" binds cluster-admin to ServiceAccount "tiller"`,
		"resource": "ClusterRoleBinding/tiller",
		"attribute": "subjects[0]",
	}} with input as fixtures.manifest([b])
}

test_deny_each_subject_of_role_binding if {
	b := _binding("RoleBinding", "admins", "cluster-admin", [{"kind": "User", "name": "alice"}, {"kind": "Group", "name": "ops"}])
	{f.attribute | some f in check.deny} == {"subjects[0]", "subjects[1]"} with input as fixtures.manifest([b])
}

test_allow_other_roles_and_bootstrap if {
	bootstrap := object.union(_binding("ClusterRoleBinding", "cluster-admin", "cluster-admin", [{"kind": "Group", "name": "system:masters"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	inp := fixtures.manifest([bootstrap, _binding("ClusterRoleBinding", "view", "view", [{"kind": "Group", "name": "devs"}])])
	check.deny == set() with input as inp
}
