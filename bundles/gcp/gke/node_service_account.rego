# METADATA
# title: GKE nodes run as a dedicated service account
# description: >-
#   Nodes left on the Compute Engine default service account inherit its
#   project-wide Editor role, so any pod that reaches the node's credentials
#   can change the project. A minimal node service account needs only
#   logging, monitoring and image-pull roles.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#service_account
# custom:
#   id: TNT-GCP-GKE-006
#   severity: medium
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-5", "AC-6"]
#     soc2-2017: ["CC6.1", "CC6.3"]
#     pci-dss-4.0: ["7.2.1", "7.2.2"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster, google_container_node_pool]
#     per_resource: true
#   remediation: Set node_config.service_account to a dedicated least-privilege service account on the cluster and every node pool.
package tenet.gcp.gke.node_service_account

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

deny contains result.fail_attr(r, concat(".", [nc.path, "service_account"]), "nodes run as the default compute service account") if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
	_default(r, nc)
}

unknown contains result.unknown(r, path) if {
	some r in gcp.gke_resources
	some nc in gcp.node_configs(r)
	gcp.node_unknown(r, nc, "service_account")
	path := concat(".", [nc.path, "service_account"])
	not gcp.unset_computed(r, path)
	not gcp.dedicated_account_ref(r, "node_config.service_account")
}

_default(r, nc) if {
	not gcp.node_unknown(r, nc, "service_account")
	gcp.default_service_account(gcp.node_get(nc, "service_account", "default"))
}

# service_account is Optional and Computed: a plan shows it unknown when it
# is unset, which selects the default account.
_default(r, nc) if gcp.unset_computed(r, concat(".", [nc.path, "service_account"]))
