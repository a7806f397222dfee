# METADATA
# title: GKE clusters use private nodes and restrict the public control plane endpoint
# description: >-
#   Nodes with public addresses and a control plane endpoint open to every
#   address let attackers reach the kubelet and API server directly. Private
#   nodes and an authorized-networks list keep both behind known ranges.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#private_cluster_config
# custom:
#   id: TNT-GCP-GKE-001
#   severity: high
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Set private_cluster_config.enable_private_nodes = true, and either enable_private_endpoint = true or a master_authorized_networks_config without 0.0.0.0/0.
package tenet.gcp.gke.private_cluster

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_private_nodes := "private_cluster_config.0.enable_private_nodes"

_private_endpoint := "private_cluster_config.0.enable_private_endpoint"

_authorized := "master_authorized_networks_config"

deny contains result.fail_attr(c, _private_nodes, "enable_private_nodes is not true: nodes get public IP addresses") if {
	some c in terraform.resources("google_container_cluster")
	not terraform.is_true(c, _private_nodes)
	not terraform.unknown_within(c, _private_nodes)
}

deny contains result.fail_attr(c, _authorized, msg) if {
	some c in _public_endpoint
	count(terraform.get(c, _authorized, [])) == 0
	not terraform.unknown_within(c, _authorized)
	msg := "the control plane has a public endpoint and no master_authorized_networks_config"
}

deny contains result.fail_attr(c, _authorized, sprintf("master_authorized_networks_config admits %s to the public endpoint", [cidr])) if {
	some c in _public_endpoint
	some cidr in terraform.values_at(c, "master_authorized_networks_config.cidr_blocks.cidr_block")
	cidr in gcp.public_cidrs
}

unknown contains result.unknown(c, attr) if {
	some c in terraform.resources("google_container_cluster")
	some attr in [_private_nodes, _private_endpoint, _authorized]
	terraform.unknown_within(c, attr)
}

# Clusters whose control plane keeps its public endpoint: neither the
# private endpoint nor the newer control_plane_endpoints_config turns it off.
_public_endpoint contains c if {
	some c in terraform.resources("google_container_cluster")
	not terraform.is_true(c, _private_endpoint)
	not terraform.unknown_within(c, _private_endpoint)
	terraform.get(c, "control_plane_endpoints_config.0.ip_endpoints_config.0.enabled", true) != false
}
