# METADATA
# title: Namespaces that enforce a Pod Security Standard enforce restricted
# description: >-
#   The baseline profile stops the known privilege escalations but still lets
#   pods run as root, keep every default capability and run without a seccomp
#   profile. A namespace labelled to enforce baseline is a step short of the
#   restricted profile, which application workloads can almost always meet.
#   Namespaces without the label, or with privileged, are TNT-K8S-CFG-002's.
# scope: package
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-admission/
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
# custom:
#   id: TNT-K8S-CFG-004
#   severity: low
#   input:
#     selector:
#       - type: kubernetes
#         resource_types: [Namespace]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-6", "CM-6", "CM-7"]
#     soc2-2017: ["CC6.8", "CC8.1"]
#     pci-dss-4.0: ["2.2.1", "2.2.6"]
#     gdpr: ["Art. 25(1)"]
#     k8s-pss-restricted: ["admission"]
#     nsa-cisa-k8s-1.2: ["pod/security-enforcement"]
#   remediation: Label the namespace pod-security.kubernetes.io/enforce=restricted once its workloads meet the profile (label it warn=restricted first to see which do not).
package tenet.kubernetes.config.pod_security_restricted

import rego.v1

import data.tenet.lib.kubernetes
import data.tenet.lib.result

_label := "pod-security.kubernetes.io/enforce"

deny contains result.fail_attr(ns, sprintf("metadata.labels[%s]", [_label]), msg) if {
	some ns in kubernetes.objects("Namespace")
	not ns.name in kubernetes.system_namespaces
	kubernetes.labels(ns)[_label] == "baseline"
	msg := sprintf("namespace %q enforces the baseline Pod Security Standard, not restricted", [ns.name])
}
