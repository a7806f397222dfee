# METADATA
# title: Firewall rules do not admit database ports from the internet
# description: >-
#   Database and cache servers (MySQL, PostgreSQL, SQL Server, Oracle,
#   MongoDB, Redis, Elasticsearch, Memcached, Cassandra, CouchDB) are
#   scanned for from the whole internet within minutes of opening, for weak
#   passwords and for versions with known flaws. Only the application tier
#   and administrators' networks need to reach them.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
#   - https://cloud.google.com/firewall/docs/firewalls
# custom:
#   id: TNT-GCP-CMP-017
#   severity: high
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.2.5", "1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_firewall]
#     per_resource: true
#   remediation: Replace 0.0.0.0/0 and ::/0 in source_ranges with the ranges of the clients that need the database, or remove its port from the allow block.
package tenet.gcp.compute.database_ports_from_internet

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_ports := [1433, 1521, 3306, 5432, 5984, 6379, 9042, 9200, 11211, 27017]

deny contains result.fail_attr(fw, "source_ranges", sprintf("ingress rule allows database TCP ports %s from the internet", [_list(open)])) if {
	some fw in terraform.resources("google_compute_firewall")
	open := [p | some p in _ports; gcp.firewall_exposes(fw, p)]
	count(open) > 0
}

unknown contains result.unknown_msg(fw, "source_ranges", sprintf("whether the rule allows database TCP ports %s from the internet is unknown until apply", [_list(maybe)])) if {
	some fw in terraform.resources("google_compute_firewall")
	maybe := [p | some p in _ports; gcp.firewall_may_expose(fw, p)]
	count(maybe) > 0
}

_list(ports) := concat(", ", [sprintf("%d", [p]) | some p in ports])
