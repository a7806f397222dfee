# METADATA
# title: GKE clusters enforce Binary Authorization
# description: >-
#   Binary Authorization lets only images that satisfy a policy (signed by
#   the build pipeline, from allowed registries) run in the cluster, so an
#   image pushed outside the pipeline or pulled from anywhere is refused at
#   deployment.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#binary_authorization
#   - https://cloud.google.com/binary-authorization/docs/overview
# custom:
#   id: TNT-GCP-GKE-012
#   severity: low
#   controls:
#     nist-800-53-r5: ["CM-7", "SI-7"]
#     soc2-2017: ["CC8.1"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Add binary_authorization { evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE" } to the cluster and define the project's Binary Authorization policy.
package tenet.gcp.gke.binary_authorization

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_mode := "binary_authorization.0.evaluation_mode"

_settings := [_mode, "binary_authorization.0.enabled", "enable_binauthz"]

deny contains result.fail_attr(c, _mode, "Binary Authorization is not enforced") if {
	some c in terraform.resources("google_container_cluster")
	not _enforced(c)
	not _pending(c)
}

unknown contains result.unknown(c, _mode) if {
	some c in terraform.resources("google_container_cluster")
	not _enforced(c)
	_pending(c)
}

_enforced(c) if not terraform.get(c, _mode, "DISABLED") in {"DISABLED", "EVALUATION_MODE_UNSPECIFIED"}

# The deprecated switches of older provider versions.
_enforced(c) if terraform.is_true(c, "binary_authorization.0.enabled")

_enforced(c) if terraform.is_true(c, "enable_binauthz")

_pending(c) if {
	some s in _settings
	compute.set_unknown(c, s)
}
