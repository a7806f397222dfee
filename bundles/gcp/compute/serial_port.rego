# METADATA
# title: VMs do not accept interactive serial console connections
# description: >-
#   The interactive serial console is reached through Google's endpoint from
#   any address, whatever the firewall rules say, and it logs the user in at
#   the console. It is off unless the metadata key serial-port-enable turns
#   it on for the VM or for the whole project.
# scope: package
# related_resources:
#   - https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_project_metadata
# custom:
#   id: TNT-GCP-CMP-013
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.5"]
#     cis-gcp-3.0.0: ["4.5"]
#     nist-800-53-r5: ["AC-17", "CM-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "2.2.4"]
#     hipaa: ["164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#     per_resource: true
#   remediation: Remove the serial-port-enable metadata key, or set it to "false", on the VM and in the project metadata.
package tenet.gcp.compute.serial_port

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "serial-port-enable"

deny contains result.fail_attr(r, "metadata.serial-port-enable", sprintf("metadata %q is %q: the serial console accepts connections", [_key, gcp.metadata(r, _key)])) if {
	some r in _metadata_holders
	not terraform.unknown(r, "metadata")
	gcp.truthy(gcp.metadata(r, _key))
}

deny contains result.fail_attr(r, "value", sprintf("project metadata %q is %q: the serial console of every VM that does not turn it off accepts connections", [_key, lower(terraform.get(r, "value", ""))])) if {
	some r in terraform.resources("google_compute_project_metadata_item")
	terraform.get(r, "key", "") == _key
	gcp.truthy(lower(terraform.get(r, "value", "")))
}

unknown contains result.unknown(r, "metadata") if {
	some r in _metadata_holders
	terraform.unknown(r, "metadata")
}

unknown contains result.unknown(r, "value") if {
	some r in terraform.resources("google_compute_project_metadata_item")
	terraform.get(r, "key", "") == _key
	terraform.unknown(r, "value")
}

_metadata_holders contains r if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_project_metadata"]
	some r in terraform.resources(type)
}
