# METADATA
# title: Dataproc clusters encrypt their disks and staging data with a customer-managed key
# description: >-
#   Dataproc keeps cluster and job data on the nodes' persistent disks and in
#   a staging bucket. A customer-managed Cloud KMS key lets the organisation
#   control, audit and revoke access to that data; without one Google-managed
#   keys apply.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster#encryption_config
# custom:
#   id: TNT-GCP-DPR-001
#   severity: low
#   controls:
#     cis-gcp-2.0.0: ["1.17"]
#     cis-gcp-3.0.0: ["8.1"]
#     nist-800-53-r5: ["SC-12", "SC-13", "SC-28(1)"]
#     soc2-2017: ["CC6.1"]
#     pci-dss-4.0: ["3.5.1", "3.6.1"]
#     hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"]
#     gdpr: ["Art. 32(1)(a)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_dataproc_cluster]
#     per_resource: true
#   remediation: Set cluster_config { encryption_config { kms_key_name = google_kms_crypto_key.KEY.id } } on the cluster.
package tenet.gcp.dataproc.cluster_cmek

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result
import data.tenet.lib.terraform

_key := "cluster_config.0.encryption_config.0.kms_key_name"

deny contains result.fail_attr(x, _key, "the cluster has no customer-managed encryption key") if {
	some x in terraform.resources("google_dataproc_cluster")
	not gcp.key_set(x, _key)
	not gcp.key_unknown(x, _key)
}

unknown contains result.unknown(x, _key) if {
	some x in terraform.resources("google_dataproc_cluster")
	gcp.key_unknown(x, _key)
}
