# METADATA
# title: Cloud SQL instances have no public IPv4 address
# description: >-
#   A public address makes the database reachable from the internet whenever
#   an authorized network is too broad. Private IP through VPC peering or
#   Private Service Connect keeps it inside the network.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ipv4_enabled
# custom:
#   id: TNT-GCP-SQL-003
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["6.2.9", "6.6"]
#     cis-gcp-3.0.0: ["6.6"]
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_sql_database_instance]
#     per_resource: true
#   remediation: Set settings.ip_configuration.ipv4_enabled = false and give the instance a private_network.
package tenet.gcp.sql.public_ip

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_ipv4 := "settings.0.ip_configuration.0.ipv4_enabled"

# ipv4_enabled defaults to true, also when ip_configuration is left unset.
# The catalogue exempts instances "tagged as public", but Cloud SQL has no
# such marker: an intended public instance is waived explicitly.
deny contains result.fail_attr(db, _ipv4, "ipv4_enabled is true: the instance has a public IP address") if {
	some db in terraform.resources("google_sql_database_instance")
	terraform.get(db, _ipv4, true) == true
	not terraform.unknown_within(db, _ipv4)
}

unknown contains result.unknown(db, _ipv4) if {
	some db in terraform.resources("google_sql_database_instance")
	terraform.unknown_within(db, _ipv4)
}
