# METADATA
# title: AKS API servers are private or limited to known address ranges
# description: >-
#   A public API server open to every address is one stolen kubeconfig or
#   one API vulnerability away from compromise. A private cluster or a short
#   list of authorized ranges removes most of that exposure.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
# custom:
#   id: TNT-AZ-AKS-002
#   severity: high
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_kubernetes_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.3.2", "1.4.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set private_cluster_enabled = true, or list the admin networks in api_server_access_profile.authorized_ip_ranges (api_server_authorized_ip_ranges before provider v3.x).
package tenet.azure.aks.api_server_access

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

# api_server_access_profile.authorized_ip_ranges replaced
# api_server_authorized_ip_ranges (removed in v4).
_names := ["api_server_access_profile.0.authorized_ip_ranges", "api_server_authorized_ip_ranges"]

deny contains result.fail_attr(c, _attr(c), msg) if {
	some c in _public
	count(_ranges(c)) == 0
	msg := "the API server is public and no authorized IP ranges are set: every address can reach it"
}

deny contains result.fail_attr(c, _attr(c), msg) if {
	some c in _public
	some cidr in _ranges(c)
	cidr in {"0.0.0.0/0", "::/0"}
	msg := sprintf("the authorized IP ranges include %s: every address can reach the API server", [cidr])
}

unknown contains result.unknown(c, "private_cluster_enabled") if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	terraform.unknown(c, "private_cluster_enabled")
}

unknown contains result.unknown(c, name) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	not terraform.is_true(c, "private_cluster_enabled")
	some name in _unknown_ranges(c)
}

# A wholly unknown api_server_access_profile is computed, not declared. The
# deprecated api_server_authorized_ip_ranges is Optional and Computed in late
# v3 releases: unknown there may be a reference resolved at apply, so it
# stays undecided.
_unknown_ranges(c) := ({"api_server_access_profile.authorized_ip_ranges" |
	count(azure.block(c, "api_server_access_profile")) > 0
	terraform.unknown(c, _names[0])
} | {"api_server_access_profile.authorized_ip_ranges" |
	count(azure.block(c, "api_server_access_profile")) == 0
	compute.set_unknown(c, "api_server_access_profile")
}) | {"api_server_authorized_ip_ranges" |
	not azure.setting(c, _names)
	terraform.unknown(c, _names[1])
}

_public contains c if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	not terraform.is_true(c, "private_cluster_enabled")
	not terraform.unknown(c, "private_cluster_enabled")
	count(_unknown_ranges(c)) == 0
}

_ranges(c) := [r | some r in azure.setting(c, _names)] if {
	azure.setting(c, _names)
} else := []

_attr(c) := replace(azure.setting_name(c, _names), ".0.", ".")
