# METADATA
# title: VPC networks log their DNS queries
# description: >-
#   Cloud DNS query logs show which names the workloads of a network look
#   up, which is how command-and-control traffic and data exfiltration over
#   DNS are found. A DNS server policy with logging on, attached to the
#   network, turns them on.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_policy
#   - https://cloud.google.com/dns/docs/monitoring
# custom:
#   id: TNT-GCP-LOG-012
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["2.12"]
#     cis-gcp-3.0.0: ["2.12"]
#     nist-800-53-r5: ["AU-2", "AU-3", "AU-12", "SI-4"]
#     soc2-2017: ["CC7.2"]
#     pci-dss-4.0: ["10.2.1", "10.2.2"]
#     hipaa: ["164.308(a)(1)(ii)(D)", "164.312(b)"]
#     gdpr: ["Art. 32(1)(b)", "Art. 32(1)(d)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_network, google_dns_policy]
#   remediation: Declare a google_dns_policy with enable_logging = true and a networks { network_url = google_compute_network.NET.id } block for the network.
package tenet.gcp.logging.dns_logging

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail(n, "no DNS policy with enable_logging = true is attached to the network") if {
	some n in terraform.resources("google_compute_network")
	not _logged(n)
	not _pending(n)
}

unknown contains result.unknown_via(n, p, attr) if {
	some n in terraform.resources("google_compute_network")
	not _logged(n)
	some p in _policies
	_may_attach(p, n)
	some attr in ["enable_logging", "networks"]
	terraform.unknown(p, attr)
}

_policies := terraform.resources("google_dns_policy")

_logged(n) if {
	some p in _policies
	terraform.is_true(p, "enable_logging")
	_attached(p, n)
}

_pending(n) if {
	some p in _policies
	_may_attach(p, n)
	terraform.any_unknown(p, ["enable_logging", "networks"])
}

_may_attach(p, n) if _attached(p, n)

_may_attach(p, _) if terraform.unknown(p, "networks")

# Attached by reference (a plan) or by a network_url that ends in the
# network's name (projects/P/global/networks/NAME, or its full URL).
_attached(p, n) if n.config_address in object.get(object.get(p, "refs", {}), "networks.network_url", [])

_attached(p, n) if {
	name := terraform.get(n, "name", "")
	name != ""
	some net in terraform.get(p, "networks", [])
	url := object.get(net, "network_url", "")
	is_string(url)
	endswith(url, concat("", ["/networks/", name]))
	_same_project(url, n)
}

_same_project(url, n) if {
	project := terraform.get(n, "project", "")
	project != ""
	contains(url, concat("", ["projects/", project, "/"]))
} else if {
	terraform.get(n, "project", "") == ""
}
