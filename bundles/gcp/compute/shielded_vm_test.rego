package tenet.gcp.compute.shielded_vm_test

import rego.v1

import data.tenet.gcp.compute.shielded_vm as check
import data.tenet.lib.fixtures

_vm(config) := fixtures.resource("google_compute_instance", "vm", {"name": "vm", "shielded_instance_config": config})

test_deny_vtpm_off if {
	vm := _vm([{"enable_vtpm": false, "enable_integrity_monitoring": true, "enable_secure_boot": true}])
	check.deny == {{
		"msg": "shielded_instance_config.0.enable_vtpm is false",
		"resource": "google_compute_instance.vm",
		"attribute": "shielded_instance_config.0.enable_vtpm",
	}} with input as fixtures.state([vm])
	check.warn == set() with input as fixtures.state([vm])
}

test_deny_integrity_monitoring_off_on_template if {
	t := fixtures.resource("google_compute_instance_template", "t", {"shielded_instance_config": [{"enable_integrity_monitoring": false}]})
	{f.attribute | some f in check.deny} == {"shielded_instance_config.0.enable_integrity_monitoring"} with input as fixtures.plan([t])
}

test_allow_all_on if {
	vm := _vm([{"enable_vtpm": true, "enable_integrity_monitoring": true, "enable_secure_boot": true}])
	check.deny == set() with input as fixtures.plan([vm])
	check.warn == set() with input as fixtures.plan([vm])
}

test_allow_absent_block_warns_secure_boot if {
	inp := fixtures.plan([_vm([])])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.warn} == {["google_compute_instance.vm", "shielded_instance_config.0.enable_secure_boot"]} with input as inp
}

test_unknown_secure_boot if {
	vm := fixtures.with_unknown(_vm([{"enable_vtpm": true, "enable_integrity_monitoring": true}]), ["shielded_instance_config.0.enable_secure_boot"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	check.warn == set() with input as inp
	{f.attribute | some f in check.unknown} == {"shielded_instance_config.0.enable_secure_boot"} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_block_through_local if {
	vm := fixtures.from_local(fixtures.resource("google_compute_instance", "vm", {"name": "vm"}), ["shielded_instance_config"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	check.warn == set() with input as inp
	{f.attribute | some f in check.unknown} == {"shielded_instance_config"} with input as inp
}

# Left out, the block takes the provider's defaults: secure boot is off.
test_warn_block_left_out if {
	vm := fixtures.computed(fixtures.resource("google_compute_instance", "vm", {"name": "vm"}), ["shielded_instance_config"])
	inp := fixtures.plan([vm])
	{f.attribute | some f in check.warn} == {"shielded_instance_config.0.enable_secure_boot"} with input as inp
	check.unknown == set() with input as inp
}
