# METADATA
# title: Blob containers cannot be opened to anonymous readers
# description: >-
#   A container with public access serves its blobs to anyone who knows the
#   URL, without a key or token. Disallowing public nested items on the
#   account and keeping containers private closes that path for good.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container
# custom:
#   id: TNT-AZ-STG-003
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account, azurerm_storage_container]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.7"]
#     cis-azure-3.0.0: ["4.17"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set allow_nested_items_to_be_public = false on the account and container_access_type = "private" on its containers.
package tenet.azure.storage.public_blobs

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# allow_blob_public_access (v2, default false) became
# allow_nested_items_to_be_public in v3 (default true). The provider writes
# the default into plans and state, so checking the value covers it.
_names := ["allow_nested_items_to_be_public", "allow_blob_public_access"]

deny contains result.fail_attr(sa, name, msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	azure.setting(sa, _names) == true
	name := azure.setting_name(sa, _names)
	msg := sprintf("%s is true: containers in the account can be made public", [name])
}

unknown contains result.unknown(sa, name) if {
	some sa in terraform.resources("azurerm_storage_account")
	name := azure.unknown_setting(sa, _names)
}

deny contains result.fail_attr(c, "container_access_type", msg) if {
	some c in terraform.resources("azurerm_storage_container")
	access := terraform.get(c, "container_access_type", "private")
	access in {"blob", "container"}
	msg := sprintf("container_access_type is %q: anyone can read the container's blobs without credentials", [access])
}

unknown contains result.unknown(c, "container_access_type") if {
	some c in terraform.resources("azurerm_storage_container")
	terraform.unknown(c, "container_access_type")
}
