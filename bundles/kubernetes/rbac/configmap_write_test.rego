package tenet.kubernetes.rbac.configmap_write_test

import rego.v1

import data.tenet.kubernetes.rbac.configmap_write as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_grant if {
	role := _role("ClusterRole", "ops", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["create", "update"]}])
	check.deny == {{
		"msg": `ClusterRole "ops" grants create configmaps, update configmaps in rules[1]`,
		"resource": "ClusterRole/ops",
		"attribute": "rules[1]",
	}} with input as fixtures.manifest([role])
}

test_deny_wildcards if {
	role := _role("Role", "all", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	{f.msg | some f in check.deny} == {`Role "all" grants create configmaps, delete configmaps, deletecollection configmaps, patch configmaps, update configmaps in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_other_grants if {
	role := _role("Role", "app", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}])
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_bootstrap_roles if {
	role := object.union(_role("ClusterRole", "system:controller", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["create", "update"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_named_objects if {
	role := _role("Role", "own", [{"apiGroups": [""], "resources": ["configmaps"], "resourceNames": ["leader-lock"], "verbs": ["get", "update"]}])
	check.deny == set() with input as fixtures.manifest([role])
}
