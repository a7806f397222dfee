package tenet.kubernetes.rbac.pod_exec_test

import rego.v1

import data.tenet.kubernetes.rbac.pod_exec as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_exec if {
	role := _role("Role", "debugger", [{"apiGroups": [""], "resources": ["pods", "pods/exec"], "verbs": ["create"]}])
	check.deny == {{
		"msg": `Role "debugger" grants create pods/exec in rules[0]`,
		"resource": "Role/debugger",
		"attribute": "rules[0]",
	}} with input as fixtures.manifest([role])
}

test_deny_attach_and_wildcard if {
	inp := fixtures.manifest([
		_role("Role", "a", [{"apiGroups": [""], "resources": ["pods/attach"], "verbs": ["get"]}]),
		_role("ClusterRole", "b", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["get"]}]),
	])
	{f.msg | some f in check.deny} == {`Role "a" grants get pods/attach in rules[0]`, `ClusterRole "b" grants get pods/attach, get pods/exec in rules[0]`} with input as inp
}

test_allow_logs_and_pods if {
	role := _role("Role", "viewer", [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list"]}])
	check.deny == set() with input as fixtures.manifest([role])
}
