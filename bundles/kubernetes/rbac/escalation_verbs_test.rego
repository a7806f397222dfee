package tenet.kubernetes.rbac.escalation_verbs_test

import rego.v1

import data.tenet.kubernetes.rbac.escalation_verbs as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_bind_and_escalate if {
	role := _role("ClusterRole", "granter", [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind", "escalate", "get"]}])
	check.deny == {{
		"msg": `ClusterRole "granter" grants bind clusterroles, escalate clusterroles in rules[0]`,
		"resource": "ClusterRole/granter",
		"attribute": "rules[0]",
	}} with input as fixtures.manifest([role])
}

test_deny_impersonate_and_binding_writes if {
	role := _role("ClusterRole", "x", [
		{"apiGroups": [""], "resources": ["users", "groups"], "verbs": ["impersonate"]},
		{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"], "verbs": ["create", "patch"]},
	])
	{f.msg | some f in check.deny} == {
		`ClusterRole "x" grants impersonate groups, impersonate users in rules[0]`,
		`ClusterRole "x" grants create rolebindings, patch rolebindings in rules[1]`,
	} with input as fixtures.manifest([role])
}

test_allow_read_rbac if {
	role := _role("ClusterRole", "auditor", [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings", "clusterroles", "clusterrolebindings"], "verbs": ["get", "list", "watch"]}])
	check.deny == set() with input as fixtures.manifest([role])
}
