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
import data.tenet.lib.result
import data.tenet.lib.terraform

# A reference to a disk encryption set created by the same plan is unknown,
# never null: present() counts it as set.
deny contains result.fail_attr(d, "disk_encryption_set_id", msg) if {
	some d in terraform.resources("azurerm_managed_disk")
	not terraform.present(d, "disk_encryption_set_id")
	not _encryption_settings(d)
	msg := "neither disk_encryption_set_id nor encryption_settings is set: the disk uses platform-managed keys only"
}

deny contains result.fail_attr(vm, "os_disk.disk_encryption_set_id", msg) if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in terraform.resources(type)
	not terraform.present(vm, "os_disk.0.disk_encryption_set_id")
	not terraform.is_true(vm, "encryption_at_host_enabled")
	not terraform.unknown(vm, "encryption_at_host_enabled")
	msg := "os_disk.disk_encryption_set_id is not set and encryption_at_host_enabled is not true: the OS disk uses platform-managed keys only"
}

unknown contains result.unknown(vm, "encryption_at_host_enabled") if {
	some type in ["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]
	some vm in terraform.resources(type)
	not terraform.present(vm, "os_disk.0.disk_encryption_set_id")
	terraform.unknown(vm, "encryption_at_host_enabled")
}

# Azure Disk Encryption settings (v2 had an enabled flag, v3 removed it).
_encryption_settings(d) if {
	some b in azure.block(d, "encryption_settings")
	object.get(b, "enabled", true) != false
}

_encryption_settings(d) if terraform.unknown(d, "encryption_settings")
