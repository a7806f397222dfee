# METADATA
# title: SQL servers refuse TLS versions older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by
#   current security baselines. A server that still allows them, or sets no
#   minimum, lets old or downgraded clients exchange queries and results over
#   a weak channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server
# custom:
#   id: TNT-AZ-SQL-008
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mssql_server]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set minimum_tls_version = "1.2" on the server.
package tenet.azure.sql.min_tls

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

# Only explicit old versions fail: from provider v3 on, minimum_tls_version
# defaults to "1.2" and the plan shows it. Provider v2 has no default and
# leaves the minimum to Azure; an absent value is not judged.
_weak := {"1.0", "1.1", "disabled"}

deny contains result.fail_attr(s, "minimum_tls_version", msg) if {
	some s in terraform.resources("azurerm_mssql_server")
	version := terraform.get(s, "minimum_tls_version", null)
	lower(version) in _weak
	msg := sprintf("minimum_tls_version is %s: clients may connect with TLS older than 1.2", [version])
}

unknown contains result.unknown(s, "minimum_tls_version") if {
	some s in terraform.resources("azurerm_mssql_server")
	terraform.unknown(s, "minimum_tls_version")
}
