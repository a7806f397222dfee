# METADATA
# title: Storage accounts disable public network access
# description: >-
#   With public network access enabled, the account's endpoints answer on the
#   internet, whether from every network or from the networks that firewall
#   rules list, and keys, SAS tokens or a firewall mistake are all that stand
#   between them and the data. Disabling it leaves private endpoints as the
#   only way in.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-008
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.7"]
#     cis-azure-3.0.0: ["4.6"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   remediation: Set public_network_access_enabled = false on the storage account and reach it through private endpoints (azurerm_private_endpoint).
package tenet.azure.storage.public_network_access

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# The provider's default is true (v3 and v4; v2 has no such attribute and
# its accounts are reachable). CIS asks for "Disabled", the third of the
# portal's settings: "Enabled from selected virtual networks and IP
# addresses" (network_rules with default_action Deny) still fails here, as
# it fails the CIS audit; TNT-AZ-STG-004 judges those rules on their own.
# allow_nested_items_to_be_public / allow_blob_public_access (anonymous
# blob reads) is another setting, judged by TNT-AZ-STG-003.
deny contains result.fail_attr(sa, "public_network_access_enabled", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.get(sa, "public_network_access_enabled", true) != false
	not terraform.unknown(sa, "public_network_access_enabled")
	msg := "public_network_access_enabled is not false: the account's endpoints are reachable from public networks"
}

unknown contains result.unknown(sa, "public_network_access_enabled") if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.unknown(sa, "public_network_access_enabled")
}
