package tenet.gcp.compute.project_ssh_keys_test

import rego.v1

import data.tenet.gcp.compute.project_ssh_keys as check
import data.tenet.lib.fixtures

_vm(metadata) := fixtures.resource("google_compute_instance", "vm", {"name": "vm", "metadata": metadata})

test_deny_without_metadata if {
	check.deny == {{
		"msg": `metadata "block-project-ssh-keys" is not "true" and OS Login is off`,
		"resource": "google_compute_instance.vm",
		"attribute": "metadata.block-project-ssh-keys",
	}} with input as fixtures.plan([_vm(null)])
}

test_deny_false_on_template if {
	t := fixtures.resource("google_compute_instance_template", "t", {"metadata": {"block-project-ssh-keys": "false"}})
	{f.resource | some f in check.deny} == {"google_compute_instance_template.t"} with input as fixtures.state([t])
}

test_deny_when_vm_turns_project_os_login_off if {
	p := fixtures.resource("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}})
	{f.resource | some f in check.deny} == {"google_compute_instance.vm"} with input as fixtures.state([p, _vm({"enable-oslogin": "FALSE"})])
}

test_allow_blocked if {
	check.deny == set() with input as fixtures.plan([_vm({"block-project-ssh-keys": "TRUE"})])
}

test_allow_os_login_on_vm_or_project if {
	item := fixtures.resource("google_compute_project_metadata_item", "os", {"key": "enable-oslogin", "value": "TRUE"})
	other := fixtures.resource("google_compute_instance", "other", {"metadata": {"enable-oslogin": "true"}})
	check.deny == set() with input as fixtures.state([item, _vm({"foo": "bar"}), other])
}

test_unknown_metadata if {
	inp := fixtures.plan([fixtures.with_unknown(fixtures.resource("google_compute_instance", "vm", {}), ["metadata"])])
	check.deny == set() with input as inp
	{f.resource | some f in check.unknown} == {"google_compute_instance.vm"} with input as inp
}
