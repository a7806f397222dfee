package tenet.kubernetes.rbac.node_proxy_test

import rego.v1

import data.tenet.kubernetes.rbac.node_proxy as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_grant if {
	role := _role("ClusterRole", "ops", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": [""], "resources": ["nodes/proxy", "nodes/metrics"], "verbs": ["get"]}])
	check.deny == {{
		"msg": `ClusterRole "ops" grants get nodes/proxy in rules[1]`,
		"resource": "ClusterRole/ops",
		"attribute": "rules[1]",
	}} with input as fixtures.manifest([role])
}

test_deny_wildcards if {
	role := _role("Role", "all", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	{f.msg | some f in check.deny} == {`Role "all" grants create nodes/proxy, delete nodes/proxy, get nodes/proxy, patch nodes/proxy, update nodes/proxy in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_other_grants if {
	role := _role("Role", "app", [{"apiGroups": [""], "resources": ["nodes", "nodes/metrics", "nodes/stats"], "verbs": ["get", "list"]}])
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_bootstrap_roles if {
	role := object.union(_role("ClusterRole", "system:controller", [{"apiGroups": [""], "resources": ["nodes/proxy", "nodes/metrics"], "verbs": ["get"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	check.deny == set() with input as fixtures.manifest([role])
}

test_deny_named_node if {
	role := _role("ClusterRole", "one", [{"apiGroups": [""], "resources": ["nodes/proxy"], "resourceNames": ["node-1"], "verbs": ["get"]}])
	count(check.deny) == 1 with input as fixtures.manifest([role])
}
