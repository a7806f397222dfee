# METADATA
# title: Virtual machine disks are encrypted with customer-managed keys
# description: >-
#   Platform-managed encryption protects disks only with keys the customer
#   cannot audit, rotate or revoke. A disk encryption set or encryption at
#   host with a customer key keeps that control in the organisation.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
# custom:
#   id: TNT-AZ-VM-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_managed_disk, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["7.3", "7.4"]
#     cis-azure-3.0.0: ["8.3", "8.4"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   remediation: Set disk_encryption_set_id (a disk encryption set with a Key Vault key) on managed disks and VM os_disk blocks, or encryption_at_host_enabled = true on the VM.
package tenet.azure.compute.disk_cmk

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# A reference to a disk encryption set created by the same plan is unknown,
# never null: it counts as set. One through a local (no reference) may be
# null: unknown until apply.
deny contains result.fail_attr(d, "disk_encryption_set_id", msg) if {
	some d in terraform.resources("azurerm_managed_disk")
	not _des(d, "disk_encryption_set_id")
	not compute.presence_unknown(d, "disk_encryption_set_id")
	not _encryption_settings(d)
	not terraform.unknown(d, "encryption_settings")
	msg := "neither disk_encryption_set_id nor encryption_settings is set: the disk uses platform-managed keys only"
}

deny contains result.fail_attr(vm, "os_disk.disk_encryption_set_id", msg) if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in terraform.resources(type)
	not _des(vm, "os_disk.0.disk_encryption_set_id")
	not compute.presence_unknown(vm, "os_disk.0.disk_encryption_set_id")
	not terraform.is_true(vm, "encryption_at_host_enabled")
	not terraform.unknown(vm, "encryption_at_host_enabled")
	msg := "os_disk.disk_encryption_set_id is not set and encryption_at_host_enabled is not true: the OS disk uses platform-managed keys only"
}

unknown contains result.unknown(vm, "encryption_at_host_enabled") if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in terraform.resources(type)
	not _des(vm, "os_disk.0.disk_encryption_set_id")
	terraform.unknown(vm, "encryption_at_host_enabled")
}

# A disk encryption set id through a local may be empty.
unknown contains result.unknown(vm, "os_disk.disk_encryption_set_id") if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in terraform.resources(type)
	compute.presence_unknown(vm, "os_disk.0.disk_encryption_set_id")
	not terraform.is_true(vm, "encryption_at_host_enabled")
}

unknown contains result.unknown(d, attr) if {
	some d in terraform.resources("azurerm_managed_disk")
	not _des(d, "disk_encryption_set_id")
	not _encryption_settings(d)
	some attr in ["disk_encryption_set_id", "encryption_settings"]
	_undecided(d, attr)
}

_undecided(d, "disk_encryption_set_id") if compute.presence_unknown(d, "disk_encryption_set_id")

_undecided(d, "encryption_settings") if terraform.unknown(d, "encryption_settings")

# _des(r, path) holds when the disk encryption set id at path is known, or
# set from another resource.
_des(r, path) if terraform.get(r, path, null) != null

_des(r, path) if compute.from_resource(r, path)

# Azure Disk Encryption settings (v2 had an enabled flag, v3 removed it).
_encryption_settings(d) if {
	some b in azure.block(d, "encryption_settings")
	object.get(b, "enabled", true) != false
}
