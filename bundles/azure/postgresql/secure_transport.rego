# METADATA
# title: PostgreSQL servers accept only TLS-encrypted connections
# description: >-
#   A server that accepts plain connections lets passwords and query results
#   cross the network in clear text. Enforcing TLS 1.2 or later closes that
#   gap for every client.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_configuration
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_server
# custom:
#   id: TNT-AZ-PG-001
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server]
#     per_resource: true
#   controls:
#     cis-azure-2.0.0: ["4.3.1"]
#     cis-azure-3.0.0: ["5.2.1"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   remediation: Leave require_secure_transport at on for flexible servers; set ssl_enforcement_enabled = true and ssl_minimal_tls_version_enforced = "TLS1_2" on single servers.
package tenet.azure.postgresql.secure_transport

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_configuration := "azurerm_postgresql_flexible_server_configuration"

# Flexible servers require TLS unless a configuration turns it off.
deny contains result.fail(s, msg) if {
	some [s, c] in _require_secure_transport
	lower(terraform.get(c, "value", "")) == "off"
	msg := sprintf("%s sets require_secure_transport to off: clients may connect without TLS", [c.address])
}

unknown contains result.unknown_via(s, c, "value") if {
	some [s, c] in _require_secure_transport
	terraform.unknown(c, "value")
}

_require_secure_transport contains [s, c] if {
	some s in terraform.resources("azurerm_postgresql_flexible_server")
	some c in terraform.referencing(s, _configuration, "server_id")
	terraform.get(c, "name", "") == "require_secure_transport"
}

deny contains result.fail_attr(s, "ssl_enforcement_enabled", msg) if {
	some s in terraform.resources("azurerm_postgresql_server")
	terraform.get(s, "ssl_enforcement_enabled", null) == false
	msg := "ssl_enforcement_enabled is false: clients may connect without TLS"
}

deny contains result.fail_attr(s, "ssl_minimal_tls_version_enforced", msg) if {
	some s in terraform.resources("azurerm_postgresql_server")
	terraform.get(s, "ssl_enforcement_enabled", null) != false
	version := terraform.get(s, "ssl_minimal_tls_version_enforced", null)
	version in {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}
	msg := sprintf("ssl_minimal_tls_version_enforced is %s: TLS older than 1.2 is accepted", [version])
}

unknown contains result.unknown(s, attr) if {
	some s in terraform.resources("azurerm_postgresql_server")
	some attr in ["ssl_enforcement_enabled", "ssl_minimal_tls_version_enforced"]
	terraform.unknown(s, attr)
}
