package tenet.gcp.compute.serial_port_test

import rego.v1

import data.tenet.gcp.compute.serial_port as check
import data.tenet.lib.fixtures

test_deny_instance_metadata if {
	check.deny == {{
		"msg": `metadata "serial-port-enable" is "true": the serial console accepts connections`,
		"resource": "google_compute_instance.vm",
		"attribute": "metadata.serial-port-enable",
	}} with input as fixtures.state([fixtures.resource("google_compute_instance", "vm", {"metadata": {"serial-port-enable": "TRUE"}})])
}

test_deny_project_metadata_and_item if {
	inp := fixtures.plan([
		fixtures.resource("google_compute_project_metadata", "p", {"metadata": {"serial-port-enable": "1"}}),
		fixtures.resource("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "true"}),
		fixtures.resource("google_compute_instance_template", "t", {"metadata": {"serial-port-enable": "true"}}),
	])
	{f.resource | some f in check.deny} == {"google_compute_project_metadata.p", "google_compute_project_metadata_item.i", "google_compute_instance_template.t"} with input as inp
}

test_allow_unset_or_false if {
	inp := fixtures.state([
		fixtures.resource("google_compute_instance", "a", {"metadata": {"enable-oslogin": "TRUE"}}),
		fixtures.resource("google_compute_instance", "b", {"metadata": {"serial-port-enable": "false"}}),
		fixtures.resource("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "FALSE"}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_metadata_through_local if {
	vm := fixtures.from_local(fixtures.resource("google_compute_instance", "vm", {}), ["metadata"])
	item := fixtures.from_local(fixtures.resource("google_compute_project_metadata_item", "i", {"key": "serial-port-enable"}), ["value"])
	inp := fixtures.plan([vm, item])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_instance.vm", "google_compute_project_metadata_item.i"} with input as inp
}
