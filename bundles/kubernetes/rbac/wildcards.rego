# METADATA
# title: Roles name their verbs, resources and API groups instead of using wildcards
# description: >-
#   A "*" grants everything that exists now and everything a future API
#   version or CRD adds, far beyond what the role's owner reviewed. Listing
#   what is needed keeps a role's power visible and bounded.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: TNT-K8S-RBAC-001
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Role, ClusterRole]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.3"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Replace "*" in rules[].verbs, resources and apiGroups with the explicit verbs, resources and groups the subject needs.
package tenet.kubernetes.rbac.wildcards

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# The default roles of the API server (cluster-admin, ...) are left out.
deny contains result.fail_attr(role, sprintf("%s.%s", [rbac.rule_attr(i), field]), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	some field in ["apiGroups", "resources", "verbs"]
	"*" in rule[field]
	msg := sprintf("%s %q uses the wildcard \"*\" in rules[%d].%s", [role.type, role.name, i, field])
}
