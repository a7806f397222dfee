# METADATA
# title: Roles do not grant creating service account tokens
# description: >-
#   create on serviceaccounts/token (the TokenRequest API) mints a token for
#   a service account, so the subject acts with every right of that account:
#   granted on all service accounts of a namespace, it is as much as the
#   most privileged of them.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request
# custom:
#   id: TNT-K8S-RBAC-013
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
#   remediation: Remove create on serviceaccounts/token from the role, or limit it with resourceNames to the service accounts the subject may act as.
package tenet.kubernetes.rbac.token_request

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# A rule limited by resourceNames mints tokens only for the service
# accounts it names: accepted.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not rbac.named(rule)
	grants := rbac.granted(rule, ["create"], ["serviceaccounts/token"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
