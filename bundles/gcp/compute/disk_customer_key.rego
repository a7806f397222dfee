# METADATA
# title: VM disks are encrypted with a customer-supplied or customer-managed key
# description: >-
#   Persistent disks hold the VM's data and are encrypted with Google-managed
#   keys unless the disk names its own key. A customer-supplied key (CSEK,
#   the benchmark's ask) or a Cloud KMS key lets the organisation make the
#   disk and its snapshots unreadable by withholding the key. An instance
#   whose boot disk is a separate google_compute_disk is judged on that disk.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#disk_encryption_key
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#boot_disk
#   - https://cloud.google.com/compute/docs/disks/customer-supplied-encryption
# custom:
#   id: TNT-GCP-CMP-014
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["4.7"]
#     cis-gcp-3.0.0: ["4.7"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_disk, google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Set disk_encryption_key { raw_key or kms_key_self_link } on the disk, boot_disk.kms_key_self_link (or disk_encryption_key_raw) on the instance, or disk.disk_encryption_key.kms_key_self_link on the template.
package tenet.gcp.compute.disk_customer_key

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(r, path, "the disk is encrypted with a Google-managed key") if {
	some [r, path, keys] in _disks
	not _keyed(r, keys)
	not _pending(r, keys)
}

unknown contains result.unknown(r, path) if {
	some [r, path, keys] in _disks
	not _keyed(r, keys)
	_pending(r, keys)
}

# A boot disk source or a template's disk list set from a value unknown
# until apply: which disk, and which key, is known only then.
unknown contains result.unknown(vm, "boot_disk.0.source") if {
	some vm in terraform.resources("google_compute_instance")
	compute.set_unknown(vm, "boot_disk.0.source")
	not vm.refs["boot_disk.source"]
}

unknown contains result.unknown(t, "disk") if {
	some t in terraform.resources("google_compute_instance_template")
	compute.set_unknown(t, "disk")
}

_keyed(r, keys) if {
	some k in keys
	gcp.key_set(r, k)
}

_pending(r, keys) if {
	some k in keys
	gcp.key_unknown(r, k)
}

# [resource, attribute to report, key attributes] for every disk declared.
_disks contains [d, "disk_encryption_key", [concat(".", ["disk_encryption_key.0", k]) | some k in ["raw_key", "rsa_encrypted_key", "kms_key_self_link"]]] if {
	some d in terraform.resources("google_compute_disk")
}

_disks contains [vm, "boot_disk.0", [concat(".", ["boot_disk.0", k]) | some k in ["disk_encryption_key_raw", "disk_encryption_key_rsa", "kms_key_self_link"]]] if {
	some vm in terraform.resources("google_compute_instance")
	not _separate_boot_disk(vm)
}

_disks contains [t, sprintf("disk.%d.disk_encryption_key", [i]), [sprintf("disk.%d.disk_encryption_key.0.kms_key_self_link", [i])]] if {
	some t in terraform.resources("google_compute_instance_template")
	some i, disk in terraform.get(t, "disk", [])
	object.get(disk, "type", "PERSISTENT") != "SCRATCH"
	object.get(disk, "source", "") == ""
}

# A boot disk attached from a google_compute_disk: the disk carries the key.
_separate_boot_disk(vm) if terraform.get(vm, "boot_disk.0.source", "") != ""

_separate_boot_disk(vm) if compute.set_unknown(vm, "boot_disk.0.source")

_separate_boot_disk(vm) if vm.refs["boot_disk.source"]
