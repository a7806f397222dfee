package tenet.lib.rbac_test

import rego.v1

import data.tenet.lib.fixtures
import data.tenet.lib.rbac

_role(kind, name, rules) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind,
	"metadata": {"name": name, "namespace": "team"}, "rules": rules,
}

_binding := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
	"metadata": {"name": "b", "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}},
	"roleRef": {"kind": "ClusterRole", "name": "view"},
	"subjects": [{"kind": "Group", "name": "devs"}],
}

test_roles_and_bindings if {
	inp := fixtures.manifest([_role("Role", "r", []), object.remove(_role("ClusterRole", "c", null), {"rules"}), _binding])
	[r.address | some r in rbac.roles] == ["team/Role/r", "ClusterRole/c"] with input as inp # a cluster-scoped kind has no namespace in its address
	[b.address | some b in rbac.bindings] == ["ClusterRoleBinding/b"] with input as inp
	rbac.rules(rbac.roles[1]) == [] with input as inp
	rbac.subjects(rbac.bindings[0]) == [{"kind": "Group", "name": "devs"}] with input as inp
	rbac.bootstrap(rbac.bindings[0]) with input as inp
	not rbac.bootstrap(rbac.roles[0]) with input as inp
}

test_grants_exact_and_wildcards if {
	rbac.grants({"apiGroups": [""], "resources": ["pods"], "verbs": ["create"]}, "create", "pods")
	rbac.grants({"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}, "get", "pods/exec")
	rbac.grants({"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["*"]}, "create", "deployments")
	rbac.grants({"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}, "create", "pods/exec")
}

test_grants_needs_group_resource_and_verb if {
	not rbac.grants({"apiGroups": ["metrics.k8s.io"], "resources": ["pods"], "verbs": ["*"]}, "create", "pods")
	not rbac.grants({"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, "get", "pods/exec")
	not rbac.grants({"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}, "create", "pods")
	not rbac.grants({"apiGroups": [""], "resources": ["pods"]}, "get", "pods")
}

test_granted_pairs if {
	rule := {"apiGroups": [""], "resources": ["secrets", "pods"], "verbs": ["get", "list"]}
	rbac.granted(rule, ["get", "watch", "list"], ["secrets"]) == ["get secrets", "list secrets"]
	rbac.rule_attr(2) == "rules[2]"
}

test_subjects_null if {
	b := object.union(_binding, {"subjects": null})
	rbac.subjects(fixtures.kube_object(b)) == []
}

test_named if {
	rbac.named({"resourceNames": ["leader"], "verbs": ["update"]})
	not rbac.named({"resourceNames": [], "verbs": ["update"]})
	not rbac.named({"verbs": ["update"]})
}

test_grants_added_groups if {
	rbac.grants({"apiGroups": ["networking.k8s.io"], "resources": ["networkpolicies"], "verbs": ["delete"]}, "delete", "networkpolicies")
	rbac.grants({"apiGroups": ["admissionregistration.k8s.io"], "resources": ["*"], "verbs": ["*"]}, "patch", "mutatingwebhookconfigurations")
	rbac.grants({"apiGroups": [""], "resources": ["nodes/proxy"], "verbs": ["get"]}, "get", "nodes/proxy")
	not rbac.grants({"apiGroups": ["networking.k8s.io"], "resources": ["services"], "verbs": ["create"]}, "create", "services")
	"create" in rbac.write_verbs
}
