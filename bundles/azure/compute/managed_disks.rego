# METADATA
# title: Virtual machines use managed disks
# description: >-
#   An unmanaged disk is a VHD blob in a storage account: it is only as
#   protected as that account (its keys, network rules and encryption), and
#   it lacks the default encryption, resilience and access control of
#   managed disks.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_virtual_machine
# custom:
#   id: TNT-AZ-VM-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_virtual_machine, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["7.2"]
#     cis-azure-3.0.0: ["8.2"]
#     nist-800-53-r5: ["SC-13", "SC-28", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Use azurerm_linux_virtual_machine or azurerm_windows_virtual_machine, or give the azurerm_virtual_machine disks managed_disk_type (or managed_disk_id) instead of vhd_uri.
package tenet.azure.compute.managed_disks

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# azurerm_linux_virtual_machine and azurerm_windows_virtual_machine always
# use managed disks (their os_disk has no vhd_uri and data disks attach as
# azurerm_managed_disk): they are in the selector, counted and passed. Only
# the legacy azurerm_virtual_machine can place a disk in a storage account,
# by setting vhd_uri on storage_os_disk or storage_data_disk.
_vm := "azurerm_virtual_machine"

_os_uri := "storage_os_disk.0.vhd_uri"

deny contains result.fail_attr(vm, "storage_os_disk.vhd_uri", msg) if {
	some vm in terraform.resources(_vm)
	_set(vm, _os_uri)
	msg := "storage_os_disk.vhd_uri is set: the OS disk is an unmanaged VHD in a storage account"
}

deny contains result.fail_attr(vm, attr, msg) if {
	some vm in terraform.resources(_vm)
	some i, _ in azure.block(vm, "storage_data_disk")
	attr := sprintf("storage_data_disk.%d.vhd_uri", [i])
	_set(vm, attr)
	msg := sprintf("%s is set: the data disk is an unmanaged VHD in a storage account", [attr])
}

unknown contains result.unknown(vm, "storage_os_disk.vhd_uri") if {
	some vm in terraform.resources(_vm)
	count(azure.block(vm, "storage_os_disk")) > 0
	compute.presence_unknown(vm, _os_uri)
}

unknown contains result.unknown(vm, attr) if {
	some vm in terraform.resources(_vm)
	some i, _ in azure.block(vm, "storage_data_disk")
	attr := sprintf("storage_data_disk.%d.vhd_uri", [i])
	compute.presence_unknown(vm, attr)
}

# Disk blocks set through a dynamic block or a local.
unknown contains result.unknown(vm, block) if {
	some vm in terraform.resources(_vm)
	some block in ["storage_os_disk", "storage_data_disk"]
	count(azure.block(vm, block)) == 0
	compute.set_unknown(vm, block)
}

# A vhd_uri is set when it has a value, or when it is known only after
# apply but takes an attribute of another resource (a storage account's
# blob endpoint): Terraform knows nulls, so it will hold a value.
_set(vm, path) if terraform.get(vm, path, "") != ""

_set(vm, path) if compute.from_resource(vm, path)
