# METADATA
# title: Roles do not grant creating pods or workload controllers
# description: >-
#   Whoever can create a pod, or a controller that makes pods, can run it
#   with any service account of the namespace and mount its Secrets, and so
#   gains their rights. This permission belongs to deployment pipelines and
#   controllers, not to people or applications.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation
# custom:
#   id: TNT-K8S-RBAC-004
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Role, ClusterRole]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.4"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac"]
#   remediation: Remove create on pods and workload controllers from the role, leaving it to the deployment pipeline's service account.
package tenet.kubernetes.rbac.create_workloads

import rego.v1

import data.tenet.lib.rbac
import data.tenet.lib.result

_resources := ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"]

# rules.csv allows a parameterised allow-list; without configuration data
# only the API server's default roles are left out.
deny contains result.fail_attr(role, rbac.rule_attr(i), msg) if {
	some role in rbac.roles
	not rbac.bootstrap(role)
	some i, rule in rbac.rules(role)
	grants := rbac.granted(rule, ["create"], _resources)
	count(grants) > 0
	msg := sprintf("%s %q grants %s in rules[%d]", [role.type, role.name, concat(", ", grants), i])
}
