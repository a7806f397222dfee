package tenet.kubernetes.rbac.create_workloads_test

import rego.v1

import data.tenet.kubernetes.rbac.create_workloads as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_create_pods if {
	role := _role("Role", "runner", [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["create", "get"]}])
	check.deny == {{
		"msg": `Role "runner" grants create pods in rules[0]`,
		"resource": "Role/runner",
		"attribute": "rules[0]",
	}} with input as fixtures.manifest([role])
}

test_deny_controllers_and_wildcard_verb if {
	role := _role("ClusterRole", "deployer", [{"apiGroups": ["apps", "batch"], "resources": ["deployments", "jobs"], "verbs": ["*"]}])
	{f.msg | some f in check.deny} == {`ClusterRole "deployer" grants create deployments, create jobs in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_read_only_or_other_group if {
	inp := fixtures.manifest([
		_role("ClusterRole", "viewer", [{"apiGroups": ["", "apps"], "resources": ["pods", "deployments"], "verbs": ["get", "list", "watch"]}]),
		_role("ClusterRole", "metrics", [{"apiGroups": ["metrics.k8s.io"], "resources": ["pods"], "verbs": ["create"]}]),
	])
	check.deny == set() with input as inp
}
