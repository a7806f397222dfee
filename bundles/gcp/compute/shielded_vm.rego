# METADATA
# title: VMs keep Shielded VM vTPM and integrity monitoring on, with Secure Boot
# description: >-
#   Shielded VM measures the boot chain into a virtual TPM and alerts when it
#   changes, which exposes rootkits and bootkits; Secure Boot refuses
#   unsigned boot components outright. Turning them off removes that
#   evidence.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#shielded_instance_config
# custom:
#   id: TNT-GCP-CMP-009
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.8"]
#     cis-gcp-3.0.0: ["4.8"]
#     nist-800-53-r5: ["SI-7", "SI-7(9)"]
#     soc2-2017: ["CC6.8"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Set shielded_instance_config with enable_vtpm, enable_integrity_monitoring and enable_secure_boot all true (on a Shielded VM image).
package tenet.gcp.compute.shielded_vm

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# The provider defaults enable_vtpm and enable_integrity_monitoring to true
# and enable_secure_boot to false. An absent block (or one left for the
# provider to compute) therefore keeps vTPM and integrity monitoring on: only
# an explicit false is denied, not the absence the catalogue names. Secure
# Boot off, the default, is the lower-severity finding, a warning.
_block := "shielded_instance_config.0"

deny contains result.fail_attr(vm, path, sprintf("%s is false", [path])) if {
	some vm in _vms
	some attr in ["enable_vtpm", "enable_integrity_monitoring"]
	path := concat(".", [_block, attr])
	terraform.get(vm, path, true) == false
}

# A block left out takes the provider's defaults (secure boot off), as the
# configuration shows (compute.unset); one set through a local or a dynamic
# block is unknown until apply.
warn contains result.fail_attr(vm, path, sprintf("%s is not true: boot components are not verified", [path])) if {
	some vm in _vms
	path := concat(".", [_block, "enable_secure_boot"])
	not terraform.is_true(vm, path)
	not compute.set_unknown(vm, path)
}

unknown contains result.unknown(vm, path) if {
	some vm in _vms
	count(terraform.get(vm, "shielded_instance_config", [])) > 0
	some attr in ["enable_vtpm", "enable_integrity_monitoring", "enable_secure_boot"]
	path := concat(".", [_block, attr])
	terraform.unknown(vm, path)
}

unknown contains result.unknown(vm, "shielded_instance_config") if {
	some vm in _vms
	count(terraform.get(vm, "shielded_instance_config", [])) == 0
	compute.set_unknown(vm, "shielded_instance_config")
}

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}
