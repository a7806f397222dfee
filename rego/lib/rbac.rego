# METADATA
# title: Kubernetes RBAC helpers
# description: >-
#   Roles, bindings and their subjects, and what a role rule grants, with the
#   wildcard semantics of the Kubernetes RBAC authorizer.
# scope: package
# custom:
#   library: true
package tenet.lib.rbac

import rego.v1

import data.tenet.lib.kubernetes

# roles is the array of Role and ClusterRole objects.
roles := array.concat(kubernetes.objects("Role"), kubernetes.objects("ClusterRole"))

# bindings is the array of RoleBinding and ClusterRoleBinding objects.
bindings := array.concat(kubernetes.objects("RoleBinding"), kubernetes.objects("ClusterRoleBinding"))

# rules(role) is the array of role's rules; [] when there is none.
rules(role) := r if {
	r := role.values.rules
	is_array(r)
} else := []

# subjects(binding) is the array of binding's subjects; [] when there is none.
subjects(binding) := s if {
	s := binding.values.subjects
	is_array(s)
} else := []

# bootstrap(r) holds for the default roles and bindings that the API server
# creates and reconciles itself (label kubernetes.io/bootstrapping:
# rbac-defaults): they appear in dumps of a cluster but are not the user's.
bootstrap(r) if kubernetes.labels(r)["kubernetes.io/bootstrapping"] == "rbac-defaults"

# api_groups maps a resource (without subresource) to its API groups.
api_groups := {
	"pods": {""},
	"replicationcontrollers": {""},
	"secrets": {""},
	"serviceaccounts": {""},
	"users": {""},
	"groups": {""},
	"deployments": {"apps", "extensions"},
	"daemonsets": {"apps", "extensions"},
	"replicasets": {"apps", "extensions"},
	"statefulsets": {"apps"},
	"jobs": {"batch"},
	"cronjobs": {"batch"},
	"roles": {"rbac.authorization.k8s.io"},
	"clusterroles": {"rbac.authorization.k8s.io"},
	"rolebindings": {"rbac.authorization.k8s.io"},
	"clusterrolebindings": {"rbac.authorization.k8s.io"},
	"configmaps": {""},
	"endpoints": {""},
	"namespaces": {""},
	"nodes": {""},
	"persistentvolumes": {""},
	"services": {""},
	"endpointslices": {"discovery.k8s.io"},
	"ingresses": {"networking.k8s.io", "extensions"},
	"networkpolicies": {"networking.k8s.io", "extensions"},
	"mutatingwebhookconfigurations": {"admissionregistration.k8s.io"},
	"validatingwebhookconfigurations": {"admissionregistration.k8s.io"},
	"validatingadmissionpolicies": {"admissionregistration.k8s.io"},
	"validatingadmissionpolicybindings": {"admissionregistration.k8s.io"},
	"certificatesigningrequests": {"certificates.k8s.io"},
	"signers": {"certificates.k8s.io"},
}

# grants(rule, verb, resource) holds when role rule grants verb on resource
# ("pods" or "pods/exec"): each of apiGroups, resources and verbs matches
# exactly or by "*", as the authorizer matches them. resourceNames are
# ignored: a rule limited to names still grants the verb on those objects.
grants(rule, verb, resource) if {
	_matches(rule.verbs, verb)
	_matches(rule.resources, resource)
	some group in api_groups[split(resource, "/")[0]]
	_matches(rule.apiGroups, group)
}

_matches(values, value) if {
	some v in values
	v in {value, "*"}
}

# granted(rule, verbs, resources) is the sorted array of "verb resource"
# pairs of verbs x resources that rule grants.
granted(rule, verbs, resources) := sort([sprintf("%s %s", [verb, res]) |
	some verb in verbs
	some res in resources
	grants(rule, verb, res)
])

# named(rule) holds when role rule is limited by resourceNames to named
# objects: it then grants nothing for create and deletecollection, whose
# requests carry no name, and the other verbs only on those objects.
named(rule) if count(rule.resourceNames) > 0

# write_verbs are the verbs that create, change or remove objects.
write_verbs := ["create", "update", "patch", "delete", "deletecollection"]

# role_attr(i) is the readable path of rule i of a role.
rule_attr(i) := sprintf("rules[%d]", [i])
