# METADATA
# title: VMs on AMD machine types run as Confidential VMs
# description: >-
#   A Confidential VM keeps its memory encrypted with a key that the
#   processor holds and the hypervisor never sees, so data in use is
#   protected from the host. Only some machine families support it; the rule
#   judges the AMD EPYC families N2D, C2D and C3D, where turning it on needs
#   no other change.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#confidential_instance_config
#   - https://cloud.google.com/confidential-computing/confidential-vm/docs/supported-configurations
# custom:
#   id: TNT-GCP-CMP-015
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["4.11"]
#     cis-gcp-3.0.0: ["4.11"]
#     nist-800-53-r5: ["SC-28", "SC-39"]
#     soc2-2017: ["CC6.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Add confidential_instance_config { enable_confidential_compute = true } (or confidential_instance_type = "SEV") and scheduling { on_host_maintenance = "TERMINATE" } to the VM.
package tenet.gcp.compute.confidential_vm

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_config := "confidential_instance_config.0"

_settings := ["confidential_instance_config.0.enable_confidential_compute", "confidential_instance_config.0.confidential_instance_type"]

deny contains result.fail_attr(vm, _config, sprintf("machine type %q supports Confidential VM but it is not enabled", [terraform.get(vm, "machine_type", "")])) if {
	some vm in _vms
	not terraform.unknown(vm, "machine_type")
	_amd(terraform.get(vm, "machine_type", ""))
	not _confidential(vm)
	not _pending(vm)
}

unknown contains result.unknown(vm, _config) if {
	some vm in _vms
	not terraform.unknown(vm, "machine_type")
	_amd(terraform.get(vm, "machine_type", ""))
	not _confidential(vm)
	_pending(vm)
}

unknown contains result.unknown(vm, "machine_type") if {
	some vm in _vms
	terraform.unknown(vm, "machine_type")
	not _confidential(vm)
}

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}

# machine_type is a name ("n2d-standard-2") or a URL ending in one.
_amd(machine_type) if {
	parts := split(machine_type, "/")
	regex.match(`^(n2d|c2d|c3d)-`, parts[count(parts) - 1])
}

_confidential(vm) if terraform.is_true(vm, _settings[0])

_confidential(vm) if terraform.get(vm, _settings[1], "") in {"SEV", "SEV_SNP", "TDX"}

_pending(vm) if {
	some s in _settings
	compute.set_unknown(vm, s)
}
