# METADATA
# title: Roles do not grant the nodes/proxy subresource
# description: >-
#   nodes/proxy passes requests straight to the kubelet API of a node, past
#   admission and audit of the API server: with it a subject can list every
#   pod of the node and run commands in their containers. Monitoring agents
#   that need node metrics can read them from the metrics endpoints instead.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes
# custom:
#   id: TNT-K8S-RBAC-011
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
#   remediation: Remove nodes/proxy from the role; read kubelet metrics through nodes/metrics or a metrics server instead.
package tenet.kubernetes.rbac.node_proxy

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

# resourceNames do not help: any one node gives access to all its pods.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	grants := rbac.granted(rule, ["get", "create", "update", "patch", "delete"], ["nodes/proxy"])
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
