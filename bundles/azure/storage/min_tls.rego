# METADATA
# title: Storage accounts refuse TLS versions older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by
#   current security baselines. An account that still allows them lets old
#   or downgraded clients exchange data over a weak channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account
# custom:
#   id: TNT-AZ-STG-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_storage_account]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["3.15"]
#     cis-azure-3.0.0: ["4.15"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set min_tls_version = "TLS1_2" on the storage account.
package tenet.azure.storage.min_tls

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Only explicit old versions fail: the provider writes its default into
# plans and state (TLS1_0 on v2, TLS1_2 from v3 on), so an old default shows
# up as a value.
_weak := {"TLS1_0", "TLS1_1"}

deny contains result.fail_attr(sa, "min_tls_version", msg) if {
	some sa in terraform.resources("azurerm_storage_account")
	version := terraform.get(sa, "min_tls_version", null)
	version in _weak
	msg := sprintf("min_tls_version is %s: clients may connect with TLS older than 1.2", [version])
}

unknown contains result.unknown(sa, "min_tls_version") if {
	some sa in terraform.resources("azurerm_storage_account")
	terraform.unknown(sa, "min_tls_version")
}
