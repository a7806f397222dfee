package tenet.kubernetes.rbac.anonymous_bindings_test

import rego.v1

import data.tenet.kubernetes.rbac.anonymous_bindings as check
import data.tenet.lib.fixtures

_binding(name, role, subjects) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": name},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role}, "subjects": subjects,
}

test_deny_anonymous if {
	b := _binding("open", "view", [{"kind": "User", "name": "alice"}, {"kind": "User", "name": "system:anonymous"}])
	check.deny == {{
		"msg": `ClusterRoleBinding "open" binds role "view" to User system:anonymous`,
		"resource": "ClusterRoleBinding/open",
		"attribute": "subjects[1]",
	}} with input as fixtures.manifest([b])
}

test_deny_masters_unauthenticated_and_authenticated if {
	inp := fixtures.manifest([
		_binding("a", "edit", [{"kind": "Group", "name": "system:masters"}, {"kind": "Group", "name": "system:unauthenticated"}]),
		_binding("b", "view", [{"kind": "Group", "name": "system:authenticated"}]),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["ClusterRoleBinding/a", "subjects[0]"],
		["ClusterRoleBinding/a", "subjects[1]"],
		["ClusterRoleBinding/b", "subjects[0]"],
	} with input as inp
}

test_allow_discovery_and_bootstrap if {
	bootstrap := object.union(_binding("system:public-info-viewer", "system:public-info-viewer", [{"kind": "Group", "name": "system:unauthenticated"}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	inp := fixtures.manifest([bootstrap, _binding("d", "system:discovery", [{"kind": "Group", "name": "system:authenticated"}]), _binding("e", "view", [{"kind": "Group", "name": "devs"}])])
	check.deny == set() with input as inp
}
