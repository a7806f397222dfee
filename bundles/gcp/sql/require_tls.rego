# METADATA
# title: Cloud SQL instances accept only encrypted connections
# description: >-
#   An instance that accepts plain connections lets credentials and query
#   results cross the network readable to anyone on the path. Enforcing TLS
#   makes encryption in transit a property of the server, not of each client.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ssl_mode
# custom:
#   id: TNT-GCP-SQL-001
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["6.4"]
#     cis-gcp-3.0.0: ["6.4"]
#     nist-800-53-r5: ["SC-8", "SC-8(1)", "SC-13", "SC-23"]
#     soc2-2017: ["CC6.1", "CC6.7"]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 5(1)(f)", "Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Set settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY" (or "TRUSTED_CLIENT_CERTIFICATE_REQUIRED").
package tenet.gcp.sql.require_tls

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_ip := "settings.0.ip_configuration.0"

_ssl_mode := concat(".", [_ip, "ssl_mode"])

_require_ssl := concat(".", [_ip, "require_ssl"])

deny contains result.fail_attr(db, _ssl_mode, sprintf("ssl_mode is %s and require_ssl is not true: unencrypted connections are accepted", [mode])) if {
	some db in _candidates
	not terraform.unknown_within(db, _ssl_mode)
	not terraform.unknown_within(db, _require_ssl)
	mode := terraform.get(db, _ssl_mode, "ALLOW_UNENCRYPTED_AND_ENCRYPTED (the default)")
}

unknown contains result.unknown(db, attr) if {
	some db in _candidates
	some attr in [_ssl_mode, _require_ssl]
	terraform.unknown_within(db, attr)
}

_candidates contains db if {
	some db in terraform.resources("google_sql_database_instance")
	not terraform.get(db, _ssl_mode, "") in {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}
	not terraform.is_true(db, _require_ssl)
}
