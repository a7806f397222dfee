# METADATA
# title: GKE node pools keep auto-repair and auto-upgrade on
# description: >-
#   Auto-upgrade keeps nodes on a supported GKE version with the security
#   fixes of its patch releases, and auto-repair replaces nodes that fail
#   health checks. Both are on by default; turning either off leaves nodes
#   to drift behind the control plane until someone acts.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#management
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades
# custom:
#   id: TNT-GCP-GKE-007
#   severity: medium
#   controls:
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_node_pool, google_container_cluster]
#     per_resource: true
#   remediation: Set management { auto_repair = true, auto_upgrade = true } on the node pool, or leave the block out.
package tenet.gcp.gke.node_auto_management

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, path, sprintf("%s is false", [attr])) if {
	some [r, prefix] in _pools
	some attr in ["auto_repair", "auto_upgrade"]
	path := concat(".", [prefix, attr])
	terraform.get(r, path, true) == false
}

unknown contains result.unknown(r, path) if {
	some [r, prefix] in _pools
	some attr in ["auto_repair", "auto_upgrade"]
	path := concat(".", [prefix, attr])
	compute.set_unknown(r, path)
}

# Inline node pools set from a value unknown until apply.
unknown contains result.unknown(c, "node_pool") if {
	some c in terraform.resources("google_container_cluster")
	compute.set_unknown(c, "node_pool")
}

_pools contains [p, "management.0"] if {
	some p in terraform.resources("google_container_node_pool")
}

_pools contains [c, sprintf("node_pool.%d.management.0", [i])] if {
	some c in terraform.resources("google_container_cluster")
	some i, _ in terraform.get(c, "node_pool", [])
}
