# METADATA
# title: Cloud SQL authorized networks do not include the whole internet
# description: >-
#   An authorized network of 0.0.0.0/0 lets any address try to log in to the
#   database's public IP, leaving passwords as the only defence. Authorize
#   the client ranges that need access, or connect privately.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#authorized_networks
# custom:
#   id: TNT-GCP-SQL-002
#   severity: critical
#   controls:
#     cis-gcp-2.0.0: ["6.5"]
#     cis-gcp-3.0.0: ["6.5"]
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2", "1.4.4"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Remove 0.0.0.0/0 and ::/0 from settings.ip_configuration.authorized_networks and list only the client ranges.
package tenet.gcp.sql.public_network

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_networks := "settings.0.ip_configuration.0.authorized_networks"

deny contains result.fail_attr(db, path, sprintf("authorized network %s admits the whole internet", [n.value])) if {
	some db in terraform.resources("google_sql_database_instance")
	some i, n in terraform.get(db, _networks, [])
	n.value in gcp.public_cidrs
	path := sprintf("%s.%d.value", [_networks, i])
}

unknown contains result.unknown(db, _networks) if {
	some db in terraform.resources("google_sql_database_instance")
	terraform.unknown_within(db, _networks)
}
