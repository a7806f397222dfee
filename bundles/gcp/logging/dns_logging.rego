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
	some p in _may_attach_candidates(n)
	_may_attach(p, n)
	some attr in ["enable_logging", "networks"]
	terraform.unknown(p, attr)
}

_policies := terraform.resources("google_dns_policy")

_logged(n) if {
	some p in _attach_candidates(n)
	terraform.is_true(p, "enable_logging")
	_attached(p, n)
}

_pending(n) if {
	some p in _may_attach_candidates(n)
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

# Candidates. The rules above test _attached and _may_attach only on the
# policies that the indexes below give for a network, which hold every
# policy that can pass those tests: a scan of every policy for every
# network grows as networks × policies (2 min for 2,000 of each).

# _attach_candidates(n) holds every policy p for which _attached(p, n) can
# hold: those whose networks.network_url refers to n's config address, and
# those with a network_url whose last "/" segment is the last segment of n's
# name (a URL that ends in "/networks/NAME" ends in NAME's last segment,
# also for a NAME that holds "/"). A name that is not a string, which no
# index key stands for, gets every policy.
_attach_candidates(n) := [_policies[i] | some i in _attach_indexes(n)]

_attach_indexes(n) := {i | some i in _by_ref[n.config_address]} | _by_name_indexes(terraform.get(n, "name", ""))

_by_name_indexes(name) := {i | some i in _by_segment[_last_segment(name)]} if {
	is_string(name)
} else := {i | some i, _ in _policies}

# _may_attach_candidates(n) adds the policies whose networks are unknown,
# which _may_attach(p, n) admits for every network.
_may_attach_candidates(n) := [_policies[i] | some i in (_attach_indexes(n) | _unknown_networks)]

_unknown_networks := {i |
	some i, p in _policies
	terraform.unknown(p, "networks")
}

_last_segment(s) := parts[count(parts) - 1] if parts := split(s, "/")

# Indexes of _policies, built once: [key, policy index] edges grouped by key,
# each key inserted once (OPA rehashes a whole object when a comprehension
# inserts a key it holds already).
_ref_edges := [[target, i] |
	some i, p in _policies
	some target in object.get(object.get(p, "refs", {}), "networks.network_url", [])
]

_by_ref := {k: is |
	some k in {e[0] | some e in _ref_edges}
	is := [e[1] | some e in _ref_edges; e[0] == k]
}

_segment_edges := [[_last_segment(url), i] |
	some i, p in _policies
	some net in terraform.get(p, "networks", [])
	url := object.get(net, "network_url", "")
	is_string(url)
]

_by_segment := {k: is |
	some k in {e[0] | some e in _segment_edges}
	is := [e[1] | some e in _segment_edges; e[0] == k]
}
