# METADATA
# title: GKE nodes run Container-Optimized OS
# description: >-
#   Container-Optimized OS is built for running containers: a read-only root
#   file system, a small package set, verified boot and automatic security
#   updates from Google. Ubuntu node images carry a general-purpose
#   distribution with more to attack and to patch. Windows node pools, which
#   Windows containers need, are not judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#image_type
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/node-images
# custom:
#   id: TNT-GCP-GKE-008
#   severity: low
#   controls:
#     nist-800-53-r5: ["CM-6", "CM-7", "SC-39"]
#     soc2-2017: ["CC6.8"]
#     pci-dss-4.0: ["2.2.6"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster, google_container_node_pool]
#     per_resource: true
#   remediation: Set node_config.image_type = "COS_CONTAINERD" on the cluster and its node pools, or leave it unset.
package tenet.gcp.gke.node_image

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.gcp
import data.tenet.lib.result

deny contains result.fail_attr(r, concat(".", [nc.path, "image_type"]), sprintf("node image %q is not Container-Optimized OS", [image])) if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
	not _unknown(r, nc)
	image := upper(gcp.node_get(nc, "image_type", "COS_CONTAINERD"))
	not startswith(image, "COS")
	not startswith(image, "WINDOWS")
}

unknown contains result.unknown(r, concat(".", [nc.path, "image_type"])) if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
	_unknown(r, nc)
}

_unknown(r, nc) if {
	not nc.computed
	compute.set_unknown(r, concat(".", [nc.path, "image_type"]))
}
