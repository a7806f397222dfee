# METADATA
# title: Public Cloud DNS zones sign records with DNSSEC, never with RSASHA1
# description: >-
#   Without DNSSEC, resolvers cannot tell forged answers from real ones, so a
#   spoofed record can redirect users. RSASHA1 signatures rest on SHA-1,
#   which is broken, and give little more protection than none.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#dnssec_config
# custom:
#   id: TNT-GCP-CMP-012
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["3.3", "3.4", "3.5"]
#     cis-gcp-3.0.0: ["3.3", "3.4", "3.5"]
#     nist-800-53-r5: ["SC-20", "SC-21"]
#     soc2-2017: ["CC6.7"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_dns_managed_zone]
#     per_resource: true
#   remediation: Add dnssec_config with state = "on" and key specs using rsasha256, rsasha512, ecdsap256sha256 or ecdsap384sha384.
package tenet.gcp.dns.dnssec

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

_state := "dnssec_config.0.state"

deny contains result.fail_attr(z, _state, sprintf("DNSSEC state is %q, not \"on\"", [state])) if {
	some z in _public_zones
	not terraform.unknown(z, _state)
	state := terraform.get(z, _state, "off")
	state != "on"
}

deny contains result.fail_attr(z, path, sprintf("%s key uses algorithm rsasha1", [terraform.get(z, concat(".", [path, "key_type"]), "a")])) if {
	some z in _public_zones
	some i, spec in terraform.get(z, "dnssec_config.0.default_key_specs", [])
	lower(object.get(spec, "algorithm", "")) == "rsasha1"
	path := sprintf("dnssec_config.0.default_key_specs.%d", [i])
}

unknown contains result.unknown(z, _state) if {
	some z in _public_zones
	terraform.unknown(z, _state)
}

_public_zones contains z if {
	some z in terraform.resources("google_dns_managed_zone")
	lower(terraform.get(z, "visibility", "public")) == "public"
}
