# METADATA
# title: GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key
# description: >-
#   Application-layer secrets encryption wraps the Secrets stored in the
#   cluster's etcd with a Cloud KMS key the organisation controls, so a copy
#   of the etcd data or a backup does not reveal them, and access to the key
#   is audited and can be revoked.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#database_encryption
#   - https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
# custom:
#   id: TNT-GCP-GKE-010
#   severity: medium
#   controls:
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_container_cluster]
#     per_resource: true
#   remediation: Add database_encryption { state = "ENCRYPTED", key_name = google_kms_crypto_key.KEY.id } to the cluster.
package tenet.gcp.gke.secrets_encryption

import rego.v1

import data.tenet.lib.compute
import data.tenet.lib.result
import data.tenet.lib.terraform

_state := "database_encryption.0.state"

deny contains result.fail_attr(c, _state, sprintf("Secrets are not encrypted with a Cloud KMS key (database_encryption state %q)", [terraform.get(c, _state, "DECRYPTED")])) if {
	some c in terraform.resources("google_container_cluster")
	not compute.set_unknown(c, _state)
	terraform.get(c, _state, "DECRYPTED") != "ENCRYPTED"
}

unknown contains result.unknown(c, _state) if {
	some c in terraform.resources("google_container_cluster")
	compute.set_unknown(c, _state)
}
