# METADATA
# title: No role is bound to system:masters, anonymous or all authenticated users
# description: >-
#   system:masters bypasses authorization altogether, and roles bound to
#   anonymous or unauthenticated requests are open to anyone who reaches the
#   API server. Binding beyond discovery to system:authenticated gives the
#   rights to every account of every identity provider.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#avoid-adding-users-to-the-system-masters-group
# custom:
#   id: TNT-K8S-RBAC-007
#   severity: critical
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [ClusterRoleBinding, RoleBinding]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.7"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6", "IA-2"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac", "authz/authentication"]
#   remediation: Remove system:masters, system:anonymous, system:unauthenticated (and system:authenticated for non-discovery roles) from the binding's subjects.
package tenet.kubernetes.rbac.anonymous_bindings

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

_forbidden := {["Group", "system:masters"], ["User", "system:anonymous"], ["Group", "system:unauthenticated"]}

_discovery_roles := {"system:discovery", "system:basic-user", "system:public-info-viewer"}

deny contains result.fail_attr(b, sprintf("subjects[%d]", [i]), msg) if {
	some b in rbac.bindings
	not rbac.bootstrap(b)
	some i, s in rbac.subjects(b)
	_forbidden_subject(b, s)
	msg := sprintf("%s %q binds role %q to %s %s", [b.type, b.name, b.values.roleRef.name, s.kind, s.name])
}

_forbidden_subject(_, s) if [s.kind, s.name] in _forbidden

_forbidden_subject(b, s) if {
	[s.kind, s.name] == ["Group", "system:authenticated"]
	not b.values.roleRef.name in _discovery_roles
}
