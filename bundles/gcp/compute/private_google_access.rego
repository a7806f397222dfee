# METADATA
# title: VPC subnets reach Google APIs through Private Google Access
# description: >-
#   With Private Google Access, VMs that have only internal addresses can
#   still call Cloud Storage, BigQuery and the other Google APIs, so no
#   workload needs an external IP address or a NAT path to the internet just
#   to reach them. Proxy-only and other special-purpose subnets are not
#   judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ip_google_access
#   - https://cloud.google.com/vpc/docs/private-google-access
# custom:
#   id: TNT-GCP-CMP-016
#   severity: low
#   controls:
#     nist-800-53-r5: ["AC-4", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.3.1"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_subnetwork]
#     per_resource: true
#   remediation: Set private_ip_google_access = true on the subnet.
package tenet.gcp.compute.private_google_access

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "private_ip_google_access"

deny contains result.fail_attr(s, _attr, "Private Google Access is off: VMs without external addresses cannot reach Google APIs") if {
	some s in _subnets
	not terraform.is_true(s, _attr)
	not compute.set_unknown(s, _attr)
}

unknown contains result.unknown(s, _attr) if {
	some s in _subnets
	compute.set_unknown(s, _attr)
}

unknown contains result.unknown(s, "purpose") if {
	some s in terraform.resources("google_compute_subnetwork")
	compute.set_unknown(s, "purpose")
}

# Subnets for VMs: purpose unset or PRIVATE (PRIVATE_RFC_1918 in older
# APIs). Left unset, the provider computes it.
_subnets contains s if {
	some s in terraform.resources("google_compute_subnetwork")
	not compute.set_unknown(s, "purpose")
	terraform.get(s, "purpose", "PRIVATE") in {"PRIVATE", "PRIVATE_RFC_1918"}
}
