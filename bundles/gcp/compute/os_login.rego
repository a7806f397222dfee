# METADATA
# title: OS Login is enabled for the project and no VM turns it off
# description: >-
#   OS Login ties SSH access to IAM identities, so access is granted, revoked
#   and audited centrally instead of through keys pasted into metadata. A VM
#   that sets enable-oslogin to false silently opts out.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_project_metadata
# custom:
#   id: TNT-GCP-CMP-007
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.4"]
#     cis-gcp-3.0.0: ["4.4"]
#     nist-800-53-r5: ["AC-17", "IA-2", "IA-5"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["8.3.1"]
#     hipaa: ["164.312(d)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_project_metadata, google_compute_project_metadata_item, google_compute_instance]
#     per_resource: true
#   remediation: Set project metadata "enable-oslogin" = "TRUE" and remove "enable-oslogin" = "FALSE" from instances.
package tenet.gcp.compute.os_login

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "metadata.enable-oslogin"

# google_compute_project_metadata owns the whole map: a missing key is off.
deny contains result.fail_attr(p, _key, `project metadata "enable-oslogin" is not "TRUE"`) if {
	some p in terraform.resources("google_compute_project_metadata")
	not terraform.unknown(p, "metadata")
	not gcp.truthy(gcp.metadata(p, "enable-oslogin"))
}

# A metadata item is judged only when it is the enable-oslogin item.
deny contains result.fail_attr(i, "value", `project metadata "enable-oslogin" is not "TRUE"`) if {
	some i in _items
	not terraform.unknown(i, "value")
	not gcp.truthy(lower(terraform.get(i, "value", "")))
}

deny contains result.fail_attr(vm, _key, `instance metadata "enable-oslogin" turns OS Login off`) if {
	some vm in terraform.resources("google_compute_instance")
	gcp.falsy(gcp.metadata(vm, "enable-oslogin"))
}

unknown contains result.unknown(r, "metadata") if {
	some type in ["google_compute_project_metadata", "google_compute_instance"]
	some r in terraform.resources(type)
	terraform.unknown(r, "metadata")
}

unknown contains result.unknown(i, "value") if {
	some i in _items
	terraform.unknown(i, "value")
}

_items contains i if {
	some i in terraform.resources("google_compute_project_metadata_item")
	terraform.get(i, "key", "") == "enable-oslogin"
}

# An item whose key is set through a local may be enable-oslogin.
unknown contains result.unknown(i, "key") if {
	some i in terraform.resources("google_compute_project_metadata_item")
	terraform.unknown(i, "key")
	not gcp.truthy(lower(terraform.get(i, "value", "")))
}
