package tenet.kubernetes.rbac.admission_webhooks_test

import rego.v1

import data.tenet.kubernetes.rbac.admission_webhooks as check
import data.tenet.lib.fixtures

_role(kind, name, rules) := {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": {"name": name}, "rules": rules}

test_deny_grant if {
	role := _role("ClusterRole", "ops", [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, {"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["patch"]}])
	check.deny == {{
		"msg": `ClusterRole "ops" grants patch validatingwebhookconfigurations in rules[1]`,
		"resource": "ClusterRole/ops",
		"attribute": "rules[1]",
	}} with input as fixtures.manifest([role])
}

test_deny_wildcards if {
	role := _role("Role", "all", [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}])
	{f.msg | some f in check.deny} == {`Role "all" grants create mutatingwebhookconfigurations, create validatingadmissionpolicies, create validatingadmissionpolicybindings, create validatingwebhookconfigurations, delete mutatingwebhookconfigurations, delete validatingadmissionpolicies, delete validatingadmissionpolicybindings, delete validatingwebhookconfigurations, deletecollection mutatingwebhookconfigurations, deletecollection validatingadmissionpolicies, deletecollection validatingadmissionpolicybindings, deletecollection validatingwebhookconfigurations, patch mutatingwebhookconfigurations, patch validatingadmissionpolicies, patch validatingadmissionpolicybindings, patch validatingwebhookconfigurations, update mutatingwebhookconfigurations, update validatingadmissionpolicies, update validatingadmissionpolicybindings, update validatingwebhookconfigurations in rules[0]`} with input as fixtures.manifest([role])
}

test_allow_other_grants if {
	role := _role("Role", "app", [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], "verbs": ["get", "list", "watch"]}])
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_bootstrap_roles if {
	role := object.union(_role("ClusterRole", "system:controller", [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["validatingwebhookconfigurations"], "verbs": ["patch"]}]), {"metadata": {"labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}}})
	check.deny == set() with input as fixtures.manifest([role])
}

test_allow_named_objects if {
	role := _role("Role", "own", [{"apiGroups": ["admissionregistration.k8s.io"], "resources": ["mutatingwebhookconfigurations"], "resourceNames": ["cert-manager-webhook"], "verbs": ["get", "update", "patch"]}])
	check.deny == set() with input as fixtures.manifest([role])
}
