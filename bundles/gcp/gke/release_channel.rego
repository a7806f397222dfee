# METADATA
# title: GKE clusters are enrolled in a release channel
# description: >-
#   A release channel has Google upgrade the control plane and nodes through
#   versions it has qualified, with security patches arriving on schedule. A
#   cluster taken out of every channel (UNSPECIFIED) depends on someone
#   following each patch release by hand. Left unset, GKE enrolls new
#   clusters in the Regular channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#release_channel
#   - https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels
# custom:
#   id: TNT-GCP-GKE-011
#   severity: low
#   controls:
#     nist-800-53-r5: ["SI-2", "SI-2(2)"]
#     soc2-2017: ["CC7.1"]
#     pci-dss-4.0: ["6.3.3"]
#     hipaa: ["164.308(a)(5)(ii)(A)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Set release_channel { channel = "REGULAR" } (or RAPID, STABLE, EXTENDED) on the cluster.
package tenet.gcp.gke.release_channel

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_channel := "release_channel.0.channel"

deny contains result.fail_attr(c, _channel, "the cluster is not enrolled in a release channel (UNSPECIFIED)") if {
	some c in terraform.resources("google_container_cluster")
	terraform.get(c, _channel, "") == "UNSPECIFIED"
}

unknown contains result.unknown(c, _channel) if {
	some c in terraform.resources("google_container_cluster")
	compute.set_unknown(c, _channel)
}
