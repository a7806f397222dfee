# METADATA
# title: Roles do not grant changing Services, Ingresses or NetworkPolicies
# description: >-
#   Whoever can create or change Services, Endpoints, Ingresses or
#   NetworkPolicies decides where traffic goes and what may reach a pod:
#   they can expose an internal workload, redirect a Service to a pod of
#   their own, or delete the policy that isolates a namespace. Few subjects
#   outside the platform's controllers need it.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: TNT-K8S-RBAC-009
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
#   remediation: Remove create, update, patch and delete on services, endpoints, endpointslices, ingresses and networkpolicies from the role, or limit update and patch with resourceNames to the objects the subject owns.
package tenet.kubernetes.rbac.network_objects

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# A rule limited by resourceNames changes only those objects (and cannot
# create any): it is the least privilege the remediation asks for.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	not rbac.named(rule)
	grants := rbac.granted(rule, rbac.write_verbs, ["services", "endpoints", "endpointslices", "ingresses", "networkpolicies"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
