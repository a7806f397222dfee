# METADATA
# title: GKE nodes are Shielded VMs with Secure Boot and integrity monitoring
# description: >-
#   Shielded nodes prove their identity to the control plane and measure their
#   boot chain, so a tampered or impersonated node is detected; Secure Boot
#   refuses unsigned boot components. Both protect the cluster from a
#   compromised node.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#shielded_instance_config
# custom:
#   id: TNT-GCP-GKE-004
#   severity: medium
#   controls:
#     nist-800-53-r5: ["SI-7", "SI-7(9)"]
#     soc2-2017: ["CC6.8"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster, google_container_node_pool]
#     per_resource: true
#   remediation: Keep enable_shielded_nodes = true and set node_config.shielded_instance_config with enable_secure_boot and enable_integrity_monitoring true on every node pool.
package tenet.gcp.gke.shielded_nodes

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(c, "enable_shielded_nodes", "enable_shielded_nodes is false") if {
	some c in terraform.resources("google_container_cluster")
	terraform.get(c, "enable_shielded_nodes", true) == false
}

# Secure Boot defaults to false and integrity monitoring to true: an absent
# shielded_instance_config fails on Secure Boot only.
deny contains result.fail_attr(r, path, sprintf("%s is not true", [path])) if {
	some [r, nc, attr, fallback] in _settings
	not gcp.node_unknown(r, nc, _path(attr))
	gcp.node_get(nc, _path(attr), fallback) != true
	path := concat(".", [nc.path, _path(attr)])
}

unknown contains result.unknown(r, concat(".", [nc.path, _path(attr)])) if {
	some [r, nc, attr, _] in _settings
	gcp.node_unknown(r, nc, _path(attr))
}

_settings contains [r, nc, attr, fallback] if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
	some [attr, fallback] in [["enable_secure_boot", false], ["enable_integrity_monitoring", true]]
}

_path(attr) := concat(".", ["shielded_instance_config.0", attr])
