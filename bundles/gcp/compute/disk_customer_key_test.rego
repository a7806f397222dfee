package tenet.gcp.compute.disk_customer_key_test

import rego.v1

import data.tenet.gcp.compute.disk_customer_key as check
import data.tenet.lib.fixtures

_kms := "projects/p/locations/eu/keyRings/r/cryptoKeys/k"

test_deny_instance_boot_disk if {
	check.deny == {{
		"msg": "the disk is encrypted with a Google-managed key",
		"resource": "google_compute_instance.vm",
		"attribute": "boot_disk.0",
	}} with input as fixtures.state([fixtures.resource("google_compute_instance", "vm", {"boot_disk": [{"initialize_params": [{"image": "debian-12"}]}]})])
}

test_deny_disk_and_template if {
	inp := fixtures.plan([
		fixtures.resource("google_compute_disk", "data", {"size": 100}),
		fixtures.resource("google_compute_instance_template", "t", {"disk": [{"boot": true}, {"type": "SCRATCH"}]}),
	])
	{[f.resource, f.attribute] | some f in check.deny} == {["google_compute_disk.data", "disk_encryption_key"], ["google_compute_instance_template.t", "disk.0.disk_encryption_key"]} with input as inp
}

test_allow_keys_and_separate_boot_disk if {
	disk := fixtures.resource("google_compute_disk", "boot", {"disk_encryption_key": [{"kms_key_self_link": _kms}]})
	inp := fixtures.state([
		disk,
		fixtures.resource("google_compute_instance", "a", {"boot_disk": [{"kms_key_self_link": _kms}]}),
		fixtures.resource("google_compute_instance", "b", {"boot_disk": [{"disk_encryption_key_raw": "c2VjcmV0"}]}),
		fixtures.resource("google_compute_instance", "c", {"boot_disk": [{"source": "projects/p/zones/z/disks/boot"}]}),
		fixtures.resource("google_compute_instance_template", "t", {"disk": [{"boot": true, "disk_encryption_key": [{"kms_key_self_link": _kms}]}]}),
	])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}

test_unknown_key_through_local if {
	vm := fixtures.from_local(fixtures.resource("google_compute_instance", "vm", {"boot_disk": [{}]}), ["boot_disk.0.kms_key_self_link"])
	inp := fixtures.plan([vm])
	check.deny == set() with input as inp
	{f.attribute | some f in check.unknown} == {"boot_disk.0"} with input as inp
}

test_unknown_boot_disk_source_and_template_disks_through_local if {
	vm := fixtures.from_local(fixtures.resource("google_compute_instance", "vm", {"boot_disk": [{}]}), ["boot_disk.0.source"])
	t := fixtures.from_local(fixtures.resource("google_compute_instance_template", "t", {}), ["disk"])
	inp := fixtures.plan([vm, t])
	check.deny == set() with input as inp
	{[f.resource, f.attribute] | some f in check.unknown} == {["google_compute_instance.vm", "boot_disk.0.source"], ["google_compute_instance_template.t", "disk"]} with input as inp
}

test_allow_boot_disk_source_by_reference if {
	disk := fixtures.resource("google_compute_disk", "boot", {"disk_encryption_key": [{"kms_key_self_link": _kms}]})
	vm := fixtures.with_refs(fixtures.from_local(fixtures.resource("google_compute_instance", "vm", {"boot_disk": [{}]}), ["boot_disk.0.source"]), {"boot_disk.source": ["google_compute_disk.boot"]})
	inp := fixtures.plan([disk, vm])
	check.deny == set() with input as inp
	check.unknown == set() with input as inp
}
