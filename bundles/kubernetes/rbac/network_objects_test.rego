package tenet.kubernetes.rbac.network_objects_test

import rego.v1

import data.tenet.kubernetes.rbac.network_objects as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_grant if {
	role := _role("ClusterRole", "ops", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": ["networking.k8s.io"], "resources": ["networkpolicies"], "verbs": ["delete", "list"]}])
	check.deny == {{
		"msg": `ClusterRole "ops" grants delete networkpolicies in rules[1]`,
		"resource": "ClusterRole/ops",
		"attribute": "rules[1]",
	}} with input as fixtures.manifest([role])
}

test_deny_wildcards if {
	role := _role("Role", "all", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	{f.msg | some f in check.deny} == {`Role "all" grants create endpoints, create endpointslices, create ingresses, create networkpolicies, create services, delete endpoints, delete endpointslices, delete ingresses, delete networkpolicies, delete services, deletecollection endpoints, deletecollection endpointslices, deletecollection ingresses, deletecollection networkpolicies, deletecollection services, patch endpoints, patch endpointslices, patch ingresses, patch networkpolicies, patch services, update endpoints, update endpointslices, update ingresses, update networkpolicies, update services in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_other_grants if {
	role := _role("Role", "app", [{"apiGroups": [""], "resources": ["services", "endpoints"], "verbs": ["get", "list", "watch"]}, {"apiGroups": ["networking.k8s.io"], "resources": ["ingresses/status"], "verbs": ["update"]}, {"apiGroups": ["apps"], "resources": ["services"], "verbs": ["create"]}])
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_bootstrap_roles if {
	role := object.union(_role("ClusterRole", "system:controller", [{"apiGroups": ["networking.k8s.io"], "resources": ["networkpolicies"], "verbs": ["delete", "list"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_named_objects if {
	role := _role("Role", "own", [{"apiGroups": [""], "resources": ["services"], "resourceNames": ["web"], "verbs": ["update", "patch"]}])
	check.deny == set() with input as fixtures.manifest([role])
}
