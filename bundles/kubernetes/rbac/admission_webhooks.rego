# METADATA
# title: Roles do not grant changing admission webhooks or policies
# description: >-
#   Admission webhooks and validating admission policies see and may change
#   every object sent to the API server. Whoever can create, change or
#   delete them can switch off the cluster's policy enforcement, or receive
#   and rewrite Secrets and pod specs on their way in.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks
# custom:
#   id: TNT-K8S-RBAC-012
#   severity: high
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
#   remediation: Remove write verbs on mutatingwebhookconfigurations, validatingwebhookconfigurations, validatingadmissionpolicies and validatingadmissionpolicybindings from the role, or limit update and patch with resourceNames to the subject's own webhook (for a CA bundle injector).
package tenet.kubernetes.rbac.admission_webhooks

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# Operators that keep the CA bundle of their own webhook up to date patch it
# by name (resourceNames): accepted.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not rbac.named(rule)
	grants := rbac.granted(rule, rbac.write_verbs, ["mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies", "validatingadmissionpolicybindings"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
