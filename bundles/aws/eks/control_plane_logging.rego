# METADATA
# title: EKS sends every control plane log type to CloudWatch
# description: >-
#   The API server, audit, authenticator, controller manager and scheduler
#   logs record who did what to the cluster and why pods were placed or
#   evicted. They are off by default and cannot be recovered afterwards.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types
# custom:
#   id: TNT-AWS-EKS-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [aws_eks_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   remediation: Set enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"].
package tenet.aws.eks.control_plane_logging

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

deny contains result.fail_attr(c, "enabled_cluster_log_types", msg) if {
	some c in terraform.resources("aws_eks_cluster")
	not terraform.unknown(c, "enabled_cluster_log_types")
	missing := _types - {t | some t in terraform.get(c, "enabled_cluster_log_types", [])}
	count(missing) > 0
	msg := sprintf("enabled_cluster_log_types lacks %s", [concat(", ", sort(missing))])
}

unknown contains result.unknown(c, "enabled_cluster_log_types") if {
	some c in terraform.resources("aws_eks_cluster")
	terraform.unknown(c, "enabled_cluster_log_types")
}
