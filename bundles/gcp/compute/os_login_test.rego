package tenet.gcp.compute.os_login_test

import rego.v1

import data.tenet.gcp.compute.os_login as check
import data.tenet.lib.fixtures

_project(metadata) := fixtures.resource("google_compute_project_metadata", "p", {"metadata": metadata})

_item(key, value) := fixtures.resource("google_compute_project_metadata_item", "i", {"key": key, "value": value})

test_deny_project_metadata_without_key if {
	check.deny == {{
		"msg": `project metadata "enable-oslogin" is not "TRUE"`,
		"resource": "google_compute_project_metadata.p",
		"attribute": "metadata.enable-oslogin",
	}} with input as fixtures.plan([_project({"foo": "bar"})])
}

test_deny_item_false if {
	{[f.resource, f.attribute] | some f in check.deny} == {["google_compute_project_metadata_item.i", "value"]} with input as fixtures.state([_item("enable-oslogin", "FALSE")])
}

test_deny_instance_opts_out if {
	vm := fixtures.resource("google_compute_instance", "vm", {"metadata": {"enable-oslogin": "false"}})
	{f.resource | some f in check.deny} == {"google_compute_instance.vm"} with input as fixtures.state([_project({"enable-oslogin": "TRUE"}), vm])
}

test_allow_enabled_and_unrelated_items if {
	vm := fixtures.resource("google_compute_instance", "vm", {"metadata": {"block-project-ssh-keys": "true"}})
	inp := fixtures.state([_project({"enable-oslogin": "TRUE"}), _item("serial-port-enable", "FALSE"), vm])
	check.deny == set() with input as inp
}

test_unknown_item_value if {
	inp := fixtures.plan([fixtures.with_unknown(_item("enable-oslogin", null), ["value"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_project_metadata_item.i"} with input as inp
}

test_unknown_instance_metadata if {
	vm := fixtures.with_unknown(fixtures.resource("google_compute_instance", "vm", {}), ["metadata"])
	inp := fixtures.plan([_project({"enable-oslogin": "TRUE"}), vm])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_instance.vm", "metadata"]} with input as inp
}

# Issue 14: set through a local or each.value (no reference), unknown until
# apply.
test_unknown_item_key_through_local if {
	i := fixtures.from_local(fixtures.resource("google_compute_project_metadata_item", "i", {"value": "FALSE"}), ["key"])
	check.deny == set() with input as fixtures.plan([i])
	{f.attribute | some f in check.unknown} == {"key"} with input as fixtures.plan([i])
}
