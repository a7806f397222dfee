package tenet.azure.compute.managed_disks_test

import rego.v1

import data.tenet.azure.compute.managed_disks as check
import data.tenet.lib.fixtures

_os_vhd := {"name": "os", "vhd_uri": "https://acme.blob.core.windows.net/vhds/os.vhd", "create_option": "FromImage"}

_os_managed := {"name": "os", "managed_disk_type": "Premium_LRS", "create_option": "FromImage"}

_vm(values) := fixtures.resource("azurerm_virtual_machine", "vm", object.union({"name": "vm"}, values))

test_deny_unmanaged_os_disk if {
	check.deny == {{
		"msg": "storage_os_disk.vhd_uri is set: the OS disk is an unmanaged VHD in a storage account",
		"resource": "azurerm_virtual_machine.vm",
		"attribute": "storage_os_disk.vhd_uri",
	}} with input as fixtures.plan([_vm({"storage_os_disk": [_os_vhd]})])
}

test_deny_unmanaged_data_disk_in_state if {
	vm := _vm({"storage_os_disk": [_os_managed], "storage_data_disk": [
		{"name": "d0", "managed_disk_type": "Standard_LRS", "lun": 0},
		{"name": "d1", "vhd_uri": "https://acme.blob.core.windows.net/vhds/d1.vhd", "lun": 1},
	]})
	check.deny == {{
		"msg": "storage_data_disk.1.vhd_uri is set: the data disk is an unmanaged VHD in a storage account",
		"resource": "azurerm_virtual_machine.vm",
		"attribute": "storage_data_disk.1.vhd_uri",
	}} with input as fixtures.state([vm])
}

test_deny_vhd_uri_from_storage_account if {
	vm := fixtures.with_refs(
		fixtures.from_local(_vm({"storage_os_disk": [{"name": "os"}]}), ["storage_os_disk.0.vhd_uri"]),
		{"storage_os_disk.vhd_uri": ["azurerm_storage_account.vhds"]},
	)
	inp := fixtures.plan([vm])
	{f.attribute | some f in check.deny} == {"storage_os_disk.vhd_uri"} with input as inp
	check.unknown == set() with input as inp
}

test_allow_managed_disks if {
	inp := fixtures.plan([
		_vm({"storage_os_disk": [_os_managed], "storage_data_disk": [{"name": "d0", "managed_disk_id": "/disks/d0", "lun": 0, "vhd_uri": ""}]}),
		fixtures.resource("azurerm_linux_virtual_machine", "l", {"os_disk": [{"caching": "ReadWrite", "storage_account_type": "Premium_LRS"}]}),
		fixtures.resource("azurerm_windows_virtual_machine", "w", {"os_disk": [{"caching": "ReadWrite", "storage_account_type": "Standard_LRS"}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
	check.deny == set() with input as fixtures.state([_vm({"storage_os_disk": [_os_managed]})])
}

test_allow_vhd_uri_left_to_provider if {
	vm := fixtures.with_configured(
		fixtures.with_unknown(_vm({"storage_os_disk": [_os_managed]}), ["storage_os_disk.0.vhd_uri"]),
		["storage_os_disk.name", "storage_os_disk.managed_disk_type", "storage_os_disk.create_option"],
	)
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_vhd_uri_through_local if {
	inp := fixtures.plan([fixtures.from_local(_vm({"storage_os_disk": [{"name": "os"}], "storage_data_disk": [{"name": "d0", "lun": 0}]}), ["storage_os_disk.0.vhd_uri", "storage_data_disk.0.vhd_uri"])])
	check.deny == set() with input as inp
	check.unknown == {
		{"msg": "storage_os_disk.vhd_uri is unknown until apply", "resource": "azurerm_virtual_machine.vm", "attribute": "storage_os_disk.vhd_uri"},
		{"msg": "storage_data_disk.0.vhd_uri is unknown until apply", "resource": "azurerm_virtual_machine.vm", "attribute": "storage_data_disk.0.vhd_uri"},
	} with input as inp
}

test_unknown_disk_blocks_through_local if {
	inp := fixtures.plan([fixtures.from_local(_vm({}), ["storage_os_disk", "storage_data_disk"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"storage_os_disk", "storage_data_disk"} with input as inp
}
