# METADATA
# title: VMs have no external IP address
# description: >-
#   An external address puts the VM directly on the internet, one firewall
#   mistake away from exposure. Private VMs reach out through Cloud NAT and
#   are reached through load balancers or IAP.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#access_config
# custom:
#   id: TNT-GCP-CMP-010
#   severity: medium
#   controls:
#     cis-gcp-2.0.0: ["4.9"]
#     cis-gcp-3.0.0: ["4.9"]
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_compute_instance, google_compute_instance_template]
#     per_resource: true
#   remediation: Remove the access_config and ipv6_access_config blocks from network_interface and use Cloud NAT for outbound traffic.
package tenet.gcp.compute.external_ip

import rego.v1

import data.tenet.lib.result
import data.tenet.lib.terraform

deny contains result.fail_attr(vm, path, sprintf("%s assigns an external IP address", [path])) if {
	some vm in _vms
	some i, nic in terraform.get(vm, "network_interface", [])
	some block in ["access_config", "ipv6_access_config"]
	count(_blocks(nic, block)) > 0
	path := sprintf("network_interface.%d.%s", [i, block])
}

# Only a whole interface or access block known after apply leaves the
# question open; unknown attributes inside a declared block (nat_ip) do not.
unknown contains result.unknown(vm, u) if {
	some vm in _vms
	some u in terraform.unknown_paths(vm)
	regex.match(`^network_interface(\.[0-9]+(\.(ipv6_)?access_config)?)?$`, u)
	not _known_external(vm)
}

_known_external(vm) if {
	some f in deny
	f.resource == vm.address
}

_blocks(nic, block) := x if {
	x := nic[block]
	is_array(x)
} else := []

_vms contains vm if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some vm in terraform.resources(type)
}
