# METADATA
# title: VMs run as a dedicated service account, not the Compute Engine default
# description: >-
#   The default compute service account holds the Editor role in many
#   projects, so every process on the VM can change most of the project; with
#   the cloud-platform scope nothing narrows it. A dedicated account with the
#   roles the workload needs limits what a compromised VM can do.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#service_account
# custom:
#   id: TNT-GCP-CMP-005
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["4.1", "4.2"]
#     cis-gcp-3.0.0: ["4.1", "4.2"]
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2", "7.2.5"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Set service_account.email to a dedicated service account with only the roles the workload needs.
package tenet.gcp.compute.default_service_account

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_email := "service_account.0.email"

# A VM without a service_account block runs with no service account at all;
# a block without email selects the default one (provider documentation), so
# the catalogue's "unset" case means the block's email, not the block.
deny contains result.fail_attr(vm, _email, sprintf("the VM runs as the default compute service account%s", [_scope_note(vm)])) if {
	some vm in _vms
	count(terraform.get(vm, "service_account", [])) > 0
	_default(vm)
}

unknown contains result.unknown(vm, _email) if {
	some vm in _vms
	terraform.unknown(vm, _email)
	not gcp.unset_computed(vm, _email)
	not gcp.dedicated_account_ref(vm, "service_account.email")
}

_default(vm) if {
	not terraform.unknown(vm, _email)
	gcp.default_service_account(terraform.get(vm, _email, "default"))
}

# email is Optional and Computed: unknown and unset in a plan is the default.
_default(vm) if gcp.unset_computed(vm, _email)

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}

_scope_note(vm) := " with full API access (cloud-platform scope)" if {
	some scope in terraform.get(vm, "service_account.0.scopes", [])
	scope in {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}
} else := ""
