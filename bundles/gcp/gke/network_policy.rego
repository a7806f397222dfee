# METADATA
# title: GKE clusters enforce Kubernetes network policies
# description: >-
#   Without an enforcing dataplane, NetworkPolicy objects are accepted but do
#   nothing, and every pod can reach every other. Calico network policy or
#   Dataplane V2 make the declared segmentation real.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#network_policy
# custom:
#   id: TNT-GCP-GKE-003
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AC-4", "CM-7", "SC-7"]
#     soc2-2017: ["CC6.6"]
#     pci-dss-4.0: ["1.2.1", "1.3.1", "1.3.2"]
#     hipaa: ["164.312(e)(1)"]
#     gdpr: ["Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Set datapath_provider = "ADVANCED_DATAPATH" (Dataplane V2), or network_policy { enabled = true } with the addons_config network_policy_config enabled.
package tenet.gcp.gke.network_policy

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_enabled := "network_policy.0.enabled"

deny contains result.fail_attr(c, _enabled, "neither network_policy.enabled nor Dataplane V2 (datapath_provider ADVANCED_DATAPATH) is set: network policies are not enforced") if {
	some c in _candidates
	not terraform.unknown_within(c, _enabled)
	not _datapath_unknown(c)
}

unknown contains result.unknown(c, _enabled) if {
	some c in _candidates
	terraform.unknown_within(c, _enabled)
}

unknown contains result.unknown(c, "datapath_provider") if {
	some c in _candidates
	_datapath_unknown(c)
}

# Autopilot clusters always run Dataplane V2.
_candidates contains c if {
	some c in terraform.resources("google_container_cluster")
	not terraform.is_true(c, "enable_autopilot")
	not terraform.is_true(c, _enabled)
	terraform.get(c, "datapath_provider", "") != "ADVANCED_DATAPATH"
}

# datapath_provider is Computed: unknown and unset means the legacy default.
_datapath_unknown(c) if {
	terraform.unknown(c, "datapath_provider")
	not gcp.unset_computed(c, "datapath_provider")
}
