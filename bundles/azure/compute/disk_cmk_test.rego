package tenet.azure.compute.disk_cmk_test

import rego.v1

import data.tenet.azure.compute.disk_cmk as check
import data.tenet.lib.fixtures

_des := fixtures.with_unknown(fixtures.resource("azurerm_disk_encryption_set", "cmk", {"name": "cmk"}), ["id"])

_disk(values) := fixtures.resource("azurerm_managed_disk", "data", object.union({"name": "data", "disk_size_gb": 64}, values))

_vm(values) := fixtures.resource("azurerm_linux_virtual_machine", "web", object.union({"name": "web", "os_disk": [{"caching": "ReadWrite", "disk_encryption_set_id": null}]}, values))

test_deny_platform_key_disk if {
	check.deny == {{
		"msg": "neither disk_encryption_set_id nor encryption_settings is set: the disk uses platform-managed keys only",
		"resource": "azurerm_managed_disk.data",
		"attribute": "disk_encryption_set_id",
	}} with input as fixtures.plan([_disk({"disk_encryption_set_id": null, "encryption_settings": []})])
}

test_deny_vm_os_disk_without_cmk if {
	inp := fixtures.state([_vm({"encryption_at_host_enabled": false}), fixtures.resource("azurerm_windows_virtual_machine", "win", {"os_disk": [{}]})])
	{[f.resource, f.attribute] | some f in check.deny} == {
		["azurerm_linux_virtual_machine.web", "os_disk.disk_encryption_set_id"],
		["azurerm_windows_virtual_machine.win", "os_disk.disk_encryption_set_id"],
	} with input as inp
}

test_allow_encryption_set_known_or_planned if {
	check.deny == set() with input as fixtures.state([_disk({"disk_encryption_set_id": "/subscriptions/s/des/cmk"})])
	planned := fixtures.points_at(_disk({}), "disk_encryption_set_id", _des)
	check.deny == set() with input as fixtures.plan([_des, planned])
	vm := fixtures.with_unknown(_vm({"os_disk": [{"caching": "ReadWrite"}]}), ["os_disk.0.disk_encryption_set_id"])
	check.deny == set() with input as fixtures.plan([_des, vm])
}

test_allow_encryption_at_host_or_ade if {
	check.deny == set() with input as fixtures.plan([_vm({"encryption_at_host_enabled": true})])
	check.deny == set() with input as fixtures.plan([_disk({"encryption_settings": [{"disk_encryption_key": [{"secret_url": "https://kv/secrets/s"}]}]})])
}

test_unknown_encryption_at_host if {
	inp := fixtures.plan([fixtures.with_unknown(_vm({}), ["encryption_at_host_enabled"])])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"encryption_at_host_enabled"} with input as inp
}

test_unknown_encryption_set_through_local if {
	vm := fixtures.from_local(_vm({"os_disk": [{"caching": "ReadWrite"}]}), ["os_disk.0.disk_encryption_set_id"])
	d := fixtures.from_local(_disk({}), ["disk_encryption_set_id"])
	inp := fixtures.plan([vm, d])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {
		["azurerm_linux_virtual_machine.web", "os_disk.disk_encryption_set_id"],
		["azurerm_managed_disk.data", "disk_encryption_set_id"],
	} with input as inp
}
