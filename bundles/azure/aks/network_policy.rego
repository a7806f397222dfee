# METADATA
# title: AKS clusters run a network policy engine
# description: >-
#   Without a network policy engine every pod can reach every other pod, so
#   one compromised workload can probe the whole cluster. NetworkPolicy
#   objects have no effect until an engine enforces them.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster
# custom:
#   id: TNT-AZ-AKS-003
#   severity: medium
#   input:
#     selector:
#       - type: terraform
#         resource_types: [azurerm_kubernetes_cluster]
#     per_resource: true
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   remediation: Set network_profile.network_policy to azure, calico or cilium.
package tenet.azure.aks.network_policy

import rego.v1

import data.tenet.lib.azure
import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_attr := "network_profile.network_policy"

# network_profile is computed: wholly unknown means not declared.
deny contains result.fail_attr(c, _attr, msg) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "network_profile")) == 0
	not compute.set_unknown(c, "network_profile")
	msg := "no network_profile: the cluster has no network policy engine"
}

# A profile set through a dynamic block or a local.
unknown contains result.unknown(c, _attr) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "network_profile")) == 0
	compute.set_unknown(c, "network_profile")
}

deny contains result.fail_attr(c, _attr, msg) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	some p in azure.block(c, "network_profile")
	object.get(p, "network_policy", null) in {null, ""}
	not terraform.unknown(c, _attr)
	msg := "network_profile.network_policy is not set: pods can reach each other without restriction"
}

unknown contains result.unknown(c, _attr) if {
	some c in terraform.resources("azurerm_kubernetes_cluster")
	count(azure.block(c, "network_profile")) > 0
	terraform.unknown(c, _attr)
}
