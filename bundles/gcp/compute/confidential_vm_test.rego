package tenet.gcp.compute.confidential_vm_test

import rego.v1

import data.tenet.gcp.compute.confidential_vm as check
import data.tenet.lib.fixtures

_vm(name, values) := fixtures.resource("google_compute_instance", name, values)

test_deny_amd_vm_without_confidential_compute if {
	check.deny == {{
		"msg": `machine type "n2d-standard-2" supports Confidential VM but it is not enabled`,
		"resource": "google_compute_instance.vm",
		"attribute": "confidential_instance_config.0",
	}} with input as fixtures.state([_vm("vm", {"machine_type": "n2d-standard-2", "confidential_instance_config": [{"enable_confidential_compute": false}]})])
}

test_deny_template_by_url if {
	t := fixtures.resource("google_compute_instance_template", "t", {"machine_type": "projects/p/zones/z/machineTypes/c2d-highcpu-4"})
	{f.resource | some f in check.deny} == {"google_compute_instance_template.t"} with input as fixtures.plan([t])
}

test_allow_confidential_and_other_families if {
	inp := fixtures.state([
		_vm("a", {"machine_type": "n2d-standard-2", "confidential_instance_config": [{"enable_confidential_compute": true}]}),
		_vm("b", {"machine_type": "c3d-standard-4", "confidential_instance_config": [{"confidential_instance_type": "SEV_SNP"}]}),
		_vm("c", {"machine_type": "e2-medium"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_setting_and_machine_type if {
	a := fixtures.from_local(_vm("a", {"machine_type": "n2d-standard-2", "confidential_instance_config": [{}]}), ["confidential_instance_config.0.enable_confidential_compute"])
	b := fixtures.from_local(_vm("b", {}), ["machine_type"])
	inp := fixtures.plan([a, b])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_instance.a", "confidential_instance_config.0"], ["google_compute_instance.b", "machine_type"]} with input as inp
}
