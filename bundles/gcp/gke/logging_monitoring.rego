# METADATA
# title: GKE clusters send logs and metrics to Cloud Logging and Cloud Monitoring
# description: >-
#   Cluster and workload logs are where an intrusion into a cluster shows
#   up, and metrics show a node or workload misbehaving. Both are on by
#   default; a cluster that sets its logging or monitoring service to none,
#   or enables no logging components, leaves no record outside the nodes.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#logging_service
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs
# custom:
#   id: TNT-GCP-GKE-009
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Leave logging_service and monitoring_service unset (or set them to logging.googleapis.com/kubernetes and monitoring.googleapis.com/kubernetes), and keep SYSTEM_COMPONENTS and WORKLOADS in logging_config.enable_components.
package tenet.gcp.gke.logging_monitoring

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(c, attr, sprintf("%s is \"none\"", [attr])) if {
	some c in terraform.resources("google_container_cluster")
	some attr in ["logging_service", "monitoring_service"]
	terraform.get(c, attr, "") == "none"
}

deny contains result.fail_attr(c, _components, "logging_config enables no logging components") if {
	some c in terraform.resources("google_container_cluster")
	count(terraform.get(c, "logging_config", [])) > 0
	not compute.set_unknown(c, _components)
	count(terraform.get(c, _components, [])) == 0
}

unknown contains result.unknown(c, attr) if {
	some c in terraform.resources("google_container_cluster")
	some attr in ["logging_service", "monitoring_service", _components]
	compute.set_unknown(c, attr)
}

_components := "logging_config.0.enable_components"
