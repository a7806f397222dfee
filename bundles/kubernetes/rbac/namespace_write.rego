# METADATA
# title: Roles do not grant changing Namespaces
# description: >-
#   The labels of a Namespace decide which Pod Security Standard admission
#   enforces there, and often which network policies and quotas apply:
#   whoever can update or patch a Namespace can relax them for every pod in
#   it. Deleting one removes everything it holds.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#namespace-modification
# custom:
#   id: TNT-K8S-RBAC-014
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Role, ClusterRole]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Remove update, patch and delete on namespaces from the role; let the platform team's automation own Namespace objects.
package tenet.kubernetes.rbac.namespace_write

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# create is left out: a new Namespace starts under the cluster's defaults.
# A rule limited by resourceNames changes only the Namespaces it names.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not rbac.named(rule)
	grants := rbac.granted(rule, ["update", "patch", "delete"], ["namespaces"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
