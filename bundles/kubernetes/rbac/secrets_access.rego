# METADATA
# title: Roles do not grant reading Secrets
# description: >-
#   Reading Secrets yields the credentials of other workloads, including
#   service account tokens that may carry more rights than the reader's own.
#   Few subjects outside the cluster's controllers need it.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
# custom:
#   id: TNT-K8S-RBAC-002
#   severity: high
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Role, ClusterRole]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.2"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Remove get, list and watch on secrets from the role, or limit it with resourceNames to the Secrets the subject really needs.
package tenet.kubernetes.rbac.secrets_access

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# rules.csv allows a parameterised list of controllers; without
# configuration data only the API server's default roles are left out. A
# rule limited by resourceNames to named Secrets is the least privilege the
# remediation asks for, and is accepted.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not _named(rule)
	grants := rbac.granted(rule, ["get", "list", "watch"], ["secrets"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}

_named(rule) if count(rule.resourceNames) > 0
