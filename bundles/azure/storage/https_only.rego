# METADATA
# title: Storage accounts accept HTTPS requests only
# description: >-
#   An account that also accepts plain HTTP lets keys, SAS tokens and data
#   cross the network unencrypted. Requiring secure transfer makes Azure
#   reject every request that does not use HTTPS.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-001
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.1"]
#     cis-azure-3.0.0: ["4.1"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set https_traffic_only_enabled = true (enable_https_traffic_only before provider v4) or leave it at its default.
package tenet.azure.storage.https_only

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

# Provider v4 renamed enable_https_traffic_only; both default to true.
_names := ["https_traffic_only_enabled", "enable_https_traffic_only"]

deny contains result.fail_attr(sa, name, msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	azure.setting(sa, _names) == false
	name := azure.setting_name(sa, _names)
	msg := sprintf("%s is false: the account accepts plain HTTP requests", [name])
}

unknown contains result.unknown(sa, name) if {
	some sa in terraform.resources("azurerm_storage_account")
	name := azure.unknown_setting(sa, _names)
}
