# METADATA
# title: Roles do not grant changing ConfigMaps
# description: >-
#   ConfigMaps hold the configuration that workloads and cluster components
#   trust as written: changing one can redirect an application, switch off a
#   check or, for kube-system objects such as aws-auth or coredns, change
#   who may log in and where names resolve. Write access is best given only
#   for named ConfigMaps.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: TNT-K8S-RBAC-010
#   severity: low
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
#   remediation: Remove create, update, patch and delete on configmaps from the role, or limit update and patch with resourceNames to the ConfigMaps the subject owns.
package tenet.kubernetes.rbac.configmap_write

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# A rule limited by resourceNames (a leader-election lock, an operator's
# own ConfigMap) changes only those objects: accepted.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not rbac.named(rule)
	grants := rbac.granted(rule, rbac.write_verbs, ["configmaps"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
