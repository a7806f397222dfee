package tenet.kubernetes.rbac.wildcards_test

import rego.v1

import data.tenet.kubernetes.rbac.wildcards as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_wildcard_verbs if {
	role := object.union(_role("Role", "deployer", [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]}]), {"metadata": {"namespace": "shop"}})
	check.deny == {{
		"msg": `Role "deployer" uses the wildcard "*" in rules[0].verbs`,
		"resource": "shop/Role/deployer",
		"attribute": "rules[0].verbs",
	}} with input as fixtures.manifest([role])
}

test_deny_every_field if {
	role := _role("ClusterRole", "god", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	{f.attribute | some f in check.deny} == {"rules[1].apiGroups", "rules[1].resources", "rules[1].verbs"} with input as fixtures.manifest([role])
}

test_allow_explicit_and_bootstrap if {
	bootstrap := object.union(_role("ClusterRole", "cluster-admin", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	inp := fixtures.manifest([bootstrap, _role("ClusterRole", "reader", [{"apiGroups": [""], "resources": ["pods", "services"], "verbs": ["get", "list"]}]), _role("ClusterRole", "agg", null)])
	check.deny == set() with input as inp
}
