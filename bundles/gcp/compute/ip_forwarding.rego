# METADATA
# title: VMs do not forward IP packets
# description: >-
#   A VM allowed to forward packets can send and receive traffic for addresses
#   that are not its own, which lets a compromised VM route around network
#   controls. Only purpose-built routing appliances need it.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#can_ip_forward
# custom:
#   id: TNT-GCP-CMP-008
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.6"]
#     cis-gcp-3.0.0: ["4.6"]
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Set can_ip_forward = false, or waive the finding for a VM that is a routing appliance.
package tenet.gcp.compute.ip_forwarding

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalogue exempts "network appliances", but Compute Engine has no
# marker for them and tag names are free text: an appliance is waived
# explicitly instead of guessed from its tags.
deny contains result.fail_attr(vm, "can_ip_forward", "can_ip_forward is true") if {
	some vm in _vms
	terraform.is_true(vm, "can_ip_forward")
}

unknown contains result.unknown(vm, "can_ip_forward") if {
	some vm in _vms
	terraform.unknown(vm, "can_ip_forward")
}

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}
