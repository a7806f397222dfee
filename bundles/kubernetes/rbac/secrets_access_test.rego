package tenet.kubernetes.rbac.secrets_access_test

import rego.v1

import data.tenet.kubernetes.rbac.secrets_access as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_read_secrets if {
	role := _role("ClusterRole", "reader", [{"apiGroups": [""], "resources": ["configmaps", "secrets"], "verbs": ["get", "list"]}])
	check.deny == {{
		"msg": `ClusterRole "reader" grants get secrets, list secrets in rules[0]`,
		"resource": "ClusterRole/reader",
		"attribute": "rules[0]",
	}} with input as fixtures.manifest([role])
}

test_deny_wildcards if {
	role := _role("Role", "all", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["watch"]}])
	{f.msg | some f in check.deny} == {`Role "all" grants watch secrets in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_write_only_or_other_group if {
	inp := fixtures.manifest([
		_role("Role", "writer", [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create", "delete"]}]),
		_role("Role", "crd", [{"apiGroups": ["bitnami.com"], "resources": ["secrets"], "verbs": ["get"]}]),
	])
	check.deny == set() with input as inp
}

# checkov-kube-dashboard-FAILED.yaml: the dashboard reads only its own,
# named Secrets.
test_allow_checkov_kube_dashboard_resource_names if {
	role := _role("Role", "helm-kubernetes-dashboard", [
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["create"]},
		{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["kubernetes-dashboard-key-holder"], "verbs": ["get", "update", "delete"]},
	])
	check.deny == set() with input as fixtures.manifest([role])
}
