# METADATA
# title: cluster-admin is not bound to everyday subjects
# description: >-
#   cluster-admin can do anything to any object in the cluster, so every
#   subject bound to it is a full cluster compromise waiting to happen. It
#   should be held only by break-glass accounts, not by users, groups or
#   service accounts in daily use.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# custom:
#   id: TNT-K8S-RBAC-003
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [ClusterRoleBinding, RoleBinding]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.1"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6", "AC-6(10)"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Bind a role with only the permissions the subject needs instead of cluster-admin.
package tenet.kubernetes.rbac.cluster_admin

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# rules.csv allows a parameterised break-glass list; without configuration
# data only the API server's own binding (system:masters) is left out.
deny contains result.fail_attr(b, sprintf("subjects[%d]", [i]), msg) if {
	some b in rbac.bindings
	not rbac.bootstrap(b)
	b.values.roleRef.kind == "ClusterRole"
	b.values.roleRef.name == "cluster-admin"
	some i, s in rbac.subjects(b)
	msg := sprintf("%s %q binds cluster-admin to %s %q", [b.type, b.name, s.kind, s.name])
}
