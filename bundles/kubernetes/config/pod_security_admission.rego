# METADATA
# title: Namespaces enforce the baseline or restricted Pod Security Standard
# description: >-
#   Pod Security Admission rejects pods that break the namespace's chosen
#   profile, so the rules of this bundle hold even for objects created
#   outside the reviewed manifests. Without the enforce label a namespace
#   accepts privileged pods.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-admission/
#   - https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/
# custom:
#   id: TNT-K8S-CFG-002
#   severity: medium
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Namespace]
#     per_resource: true
#   controls:
#     cis-k8s-1.10.0: ["5.2.1"]
#     nist-800-53-r5: ["AC-6", "CM-6", "CM-7"]
#     soc2-2017: ["CC6.8", "CC8.1"]
#     pci-dss-4.0: ["2.2.1", "2.2.6"]
#     gdpr: ["Art. 25(1)"]
#     k8s-pss-baseline: ["admission"]
#     k8s-pss-restricted: ["admission"]
#     nsa-cisa-k8s-1.2: ["pod/security-enforcement"]
#   remediation: Label the namespace pod-security.kubernetes.io/enforce=restricted (or baseline where workloads need it).
package tenet.kubernetes.config.pod_security_admission

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_label := "pod-security.kubernetes.io/enforce"

deny contains result.fail_attr(ns, sprintf("metadata.labels[%s]", [_label]), msg) if {
	some ns in kubernetes.objects("Namespace")
	not ns.name in kubernetes.system_namespaces
	level := object.get(kubernetes.labels(ns), _label, "")
	not level in {"baseline", "restricted"}
	msg := sprintf("namespace %q %s", [ns.name, _problem(level)])
}

_problem("") := sprintf("has no %s label", [_label])

_problem(level) := sprintf("sets %s to %s instead of baseline or restricted", [_label, level]) if level != ""
