# METADATA
# title: Projects do not use the default VPC network
# description: >-
#   The default network comes with a subnet in every region and permissive
#   firewall rules that nobody designed or reviews. Networks built for the
#   workload keep segmentation and ingress deliberate.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project#auto_create_network
# custom:
#   id: TNT-GCP-CMP-003
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["3.1"]
#     cis-gcp-3.0.0: ["3.1"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project, google_compute_network]
#     per_resource: true
#   remediation: Set auto_create_network = false on the project and create a custom-mode network instead of one named default.
package tenet.gcp.compute.default_network

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# auto_create_network defaults to true: the project gets the default network.
deny contains result.fail_attr(p, "auto_create_network", "auto_create_network is not false: the project gets the default network") if {
	some p in terraform.resources("google_project")
	terraform.get(p, "auto_create_network", true) != false
	not terraform.unknown(p, "auto_create_network")
}

deny contains result.fail_attr(n, "name", "the network is named default") if {
	some n in terraform.resources("google_compute_network")
	terraform.get(n, "name", "") == "default"
}

unknown contains result.unknown(p, "auto_create_network") if {
	some p in terraform.resources("google_project")
	terraform.unknown(p, "auto_create_network")
}

unknown contains result.unknown(n, "name") if {
	some n in terraform.resources("google_compute_network")
	terraform.unknown(n, "name")
}
