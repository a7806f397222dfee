# METADATA
# title: GKE nodes hide the instance metadata server from pods
# description: >-
#   Pods that can read the node's metadata server can take the node's service
#   account token and kubelet credentials. The GKE metadata server (Workload
#   Identity) gives each pod only its own identity, and the legacy endpoints
#   stay off.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#workload_metadata_config
# custom:
#   id: TNT-GCP-GKE-005
#   severity: high
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-6", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["2.2.6"]
#     hipaa: ["164.312(a)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster, google_container_node_pool]
#     per_resource: true
#   remediation: Enable workload_identity_config on the cluster and set node_config.workload_metadata_config.mode = "GKE_METADATA" on every node pool; do not set metadata disable-legacy-endpoints to false.
package tenet.gcp.gke.workload_metadata

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_mode := "workload_metadata_config.0.mode"

deny contains result.fail_attr(r, concat(".", [nc.path, _mode]), sprintf("workload metadata mode is %s, not GKE_METADATA: pods can read the node's metadata", [mode])) if {
	some [r, nc] in _node_configs
	not _unknown_mode(r, nc)
	mode := _effective_mode(r, nc)
	not mode in {"GKE_METADATA", "GKE_METADATA_SERVER"}
}

deny contains result.fail_attr(r, path, "metadata disable-legacy-endpoints is false: the legacy metadata endpoints are on") if {
	some [r, nc] in _node_configs
	lower(gcp.node_get(nc, "metadata.disable-legacy-endpoints", "true")) == "false"
	path := concat(".", [nc.path, "metadata.disable-legacy-endpoints"])
}

unknown contains result.unknown(r, concat(".", [nc.path, _mode])) if {
	some [r, nc] in _node_configs
	_unknown_mode(r, nc)
}

_node_configs contains [r, nc] if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
}

# The mode set on the node config (node_metadata in provider v3), else
# GKE_METADATA when the cluster enables Workload Identity, else the node's
# own metadata (GCE_METADATA).
_effective_mode(r, nc) := m if {
	m := gcp.node_get(nc, _mode, gcp.node_get(nc, "workload_metadata_config.0.node_metadata", ""))
	m != ""
} else := "GKE_METADATA" if {
	_workload_identity(r)
} else := "GCE_METADATA (the default)"

_workload_identity(r) if terraform.get(gcp.cluster_of(r), "workload_identity_config.0.workload_pool", "") != ""

_workload_identity(r) if terraform.get(gcp.cluster_of(r), "workload_identity_config.0.identity_namespace", "") != ""

_unknown_mode(r, nc) if gcp.node_unknown(r, nc, "workload_metadata_config")

_unknown_mode(r, nc) if {
	gcp.node_get(nc, _mode, "") == ""
	terraform.unknown_within(gcp.cluster_of(r), "workload_identity_config.0.workload_pool")
}
