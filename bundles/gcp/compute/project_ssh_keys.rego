# METADATA
# title: VMs block project-wide SSH keys
# description: >-
#   A key in project metadata opens every VM of the project, so one leaked key
#   reaches all of them. Blocking project keys keeps access per VM, unless OS
#   Login, which ignores metadata keys, is in use.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata
# custom:
#   id: TNT-GCP-CMP-006
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.3"]
#     cis-gcp-3.0.0: ["4.3"]
#     nist-800-53-r5: ["AC-17", "IA-2", "IA-5"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.1"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#   remediation: Set metadata "block-project-ssh-keys" = "true" on the VM, or enable OS Login with metadata "enable-oslogin" = "TRUE".
package tenet.gcp.compute.project_ssh_keys

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "metadata.block-project-ssh-keys"

deny contains result.fail_attr(vm, _key, `metadata "block-project-ssh-keys" is not "true" and OS Login is off`) if {
	some vm in _vms
	not terraform.unknown(vm, "metadata")
	not gcp.truthy(gcp.metadata(vm, "block-project-ssh-keys"))
	not gcp.os_login(vm)
}

unknown contains result.unknown(vm, "metadata") if {
	some vm in _vms
	terraform.unknown(vm, "metadata")
}

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}
