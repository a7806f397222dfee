# METADATA
# title: Roles do not grant exec or attach into pods
# description: >-
#   exec and attach run commands or take over a process inside a running
#   container, with its service account token and mounted Secrets. They are
#   debugging powers that should stay with a few operators.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: TNT-K8S-RBAC-008
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
#   remediation: Remove pods/exec and pods/attach from the role and grant them only to an operator role used for debugging.
package tenet.kubernetes.rbac.pod_exec

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# Opening the stream takes get (websocket) or create (SPDY), so both count.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	grants := rbac.granted(rule, ["create", "get"], ["pods/exec", "pods/attach"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
