# METADATA
# title: MySQL servers refuse TLS versions older than 1.2
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by
#   current security baselines. A server that still allows them lets old or
#   downgraded clients exchange credentials and data over a weak channel.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server
# custom:
#   id: TNT-AZ-MY-002
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_mysql_flexible_server, azurerm_mysql_server]
#   controls:
#     cis-azure-2.0.0: ["4.4.2"]
#     cis-azure-3.0.0: ["5.3.2"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Set tls_version to TLSv1.2 (or TLSv1.2,TLSv1.3) through azurerm_mysql_flexible_server_configuration on flexible servers; ssl_minimal_tls_version_enforced = "TLS1_2" on single servers.
package tenet.azure.mysql.min_tls

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.result
import data.tenet.lib.terraform

_configuration := "azurerm_mysql_flexible_server_configuration"

# Flexible servers: tls_version is a comma-separated list of allowed
# versions. Its Azure default accepts TLS 1.2 (and 1.3) only: "all incoming
# connections with TLS 1.0 and TLS 1.1 are denied by default" (Azure
# Database for MySQL flexible server, TLS configuration; CIS Azure 3.0.0
# 5.3.2).
_weak_versions := {"tlsv1", "tlsv1.0", "tlsv1.1"}

deny contains result.fail(s, msg) if {
	some s in terraform.resources("azurerm_mysql_flexible_server")
	some [v, c] in azure.parameter_values(s, _configuration, "server_name", "tls_version", "TLSv1.2")
	some version in split(lower(v), ",")
	trim_space(version) in _weak_versions
	msg := sprintf("%s sets tls_version to %s: clients may connect with TLS older than 1.2", [c.address, v])
}

unknown contains result.unknown_via(s, c, attr) if {
	some s in terraform.resources("azurerm_mysql_flexible_server")
	some [c, attr] in azure.parameter_unknowns(s, _configuration, "server_name", "tls_version")
}

# Single servers: only explicit old values fail. The provider writes its
# default into plans and state (TLSEnforcementDisabled on v2, TLS1_2 from v3
# on), so an old default shows up as a value.
_weak := {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}

deny contains result.fail_attr(s, "ssl_minimal_tls_version_enforced", msg) if {
	some s in terraform.resources("azurerm_mysql_server")
	version := terraform.get(s, "ssl_minimal_tls_version_enforced", null)
	version in _weak
	msg := sprintf("ssl_minimal_tls_version_enforced is %s: clients may connect with TLS older than 1.2", [version])
}

unknown contains result.unknown(s, "ssl_minimal_tls_version_enforced") if {
	some s in terraform.resources("azurerm_mysql_server")
	terraform.unknown(s, "ssl_minimal_tls_version_enforced")
}
