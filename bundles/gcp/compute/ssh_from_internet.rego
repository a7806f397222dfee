# METADATA
# title: Firewall rules do not admit SSH from the internet
# description: >-
#   SSH open to every address invites credential stuffing and exploits against
#   the daemon on every VM the rule targets. Reach VMs through IAP TCP
#   forwarding, a bastion or a VPN, and allow only those sources.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall
# custom:
#   id: TNT-GCP-CMP-001
#   severity: high
#   controls:
#     cis-gcp-2.0.0: ["3.6"]
#     cis-gcp-3.0.0: ["3.6"]
#     nist-800-53-r5: ["AC-4", "AC-17", "CM-7", "SC-7", "SC-7(5)"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.2.5", "1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_firewall]
#     per_resource: true
#   remediation: Replace 0.0.0.0/0 and ::/0 in source_ranges with the ranges that need SSH (35.235.240.0/20 for IAP), or remove port 22 from the allow block.
package tenet.gcp.compute.ssh_from_internet

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

# The catalogue condition asks for 0.0.0.0/0 in source_ranges; a rule with no
# source at all is open to 0.0.0.0/0 too, so gcp.firewall_exposes counts it.
deny contains result.fail_attr(fw, "source_ranges", "ingress rule allows TCP port 22 (SSH) from the internet") if {
	some fw in terraform.resources("google_compute_firewall")
	gcp.firewall_exposes(fw, 22)
}

unknown contains result.unknown_msg(fw, "source_ranges", "whether the rule allows TCP port 22 (SSH) from the internet is unknown until apply") if {
	some fw in terraform.resources("google_compute_firewall")
	gcp.firewall_may_expose(fw, 22)
}
