# METADATA
# title: Default service accounts get no roles and mount no token
# description: >-
#   Every pod that names no service account runs as its namespace's default
#   one, so rights given to it go to all of them. Keeping the default
#   account powerless, and its token unmounted, makes workloads ask for a
#   dedicated account.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
# custom:
#   id: TNT-K8S-RBAC-005
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [RoleBinding, ClusterRoleBinding, ServiceAccount]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.1.5"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#     nsa-cisa-k8s-1.2: ["authz/rbac", "pod/sa-tokens"]
#   remediation: Bind roles to a dedicated ServiceAccount instead of default, and set automountServiceAccountToken = false on each default ServiceAccount.
package tenet.kubernetes.rbac.default_service_account

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.rbac
import data.tenet.lib.result

deny contains result.fail_attr(b, sprintf("subjects[%d]", [i]), msg) if {
	some b in rbac.bindings
	not rbac.bootstrap(b)
	some i, s in rbac.subjects(b)
	s.kind == "ServiceAccount"
	s.name == "default"
	msg := sprintf("%s %q grants role %q to the default service account of namespace %q", [b.type, b.name, b.values.roleRef.name, object.get(s, "namespace", kubernetes.namespace(b))])
}

deny contains result.fail_attr(sa, "automountServiceAccountToken", "the default ServiceAccount does not set automountServiceAccountToken to false") if {
	some sa in kubernetes.objects("ServiceAccount")
	sa.name == "default"
	not sa.values.automountServiceAccountToken == false
}
