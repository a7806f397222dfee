# METADATA
# title: Roles do not grant bind, escalate, impersonate or editing of bindings
# description: >-
#   bind and escalate let a subject grant roles with more rights than it
#   holds, impersonate lets it act as any user, group or service account,
#   and writing bindings hands roles out. Each of these is a direct path to
#   cluster-admin.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#bind-verb
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping
# custom:
#   id: TNT-K8S-RBAC-006
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Role, ClusterRole]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.8"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Remove bind, escalate and impersonate, and create, update and patch on rolebindings and clusterrolebindings, from the role.
package tenet.kubernetes.rbac.escalation_verbs

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# patch changes a binding as update does, so it is judged too.
_checks := [
	[["bind", "escalate"], ["roles", "clusterroles"]],
	[["impersonate"], ["users", "groups", "serviceaccounts"]],
	[["create", "update", "patch"], ["rolebindings", "clusterrolebindings"]],
]

deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	grants := [g | some check in _checks; some g in rbac.granted(rule, check[0], check[1])]
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
