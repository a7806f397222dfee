# METADATA
# title: IAM policies grant nothing to allUsers or allAuthenticatedUsers
# description: >-
#   allUsers is anyone on the internet and allAuthenticatedUsers anyone with
#   a Google account; a role granted to either on a project, folder,
#   organization, service account, secret, topic, table, repository, key
#   ring, instance or disk hands that resource to strangers. Buckets, crypto
#   keys and BigQuery datasets have rules of their own (TNT-GCP-STG-001,
#   KMS-002, BQ-001); Cloud Run services and Cloud Functions, which are made
#   public to serve web requests, are not judged.
# scope: package
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: TNT-GCP-IAM-006
#   severity: critical
#   controls:
#     nist-800-53-r5: ["AC-3", "AC-4", "AC-6", "AC-21", "SC-7"]
#     soc2-2017: ["CC6.1", "CC6.6"]
#     pci-dss-4.0: ["1.3.1", "1.4.4", "7.2.1"]
#     hipaa: ["164.308(a)(3)(i)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)", "164.312(e)(1)"]
#     gdpr: ["Art. 25(2)", "Art. 32(1)(b)"]
#   input:
#     selector:
#       - type: terraform
#         resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy, google_service_account_iam_member, google_service_account_iam_binding, google_service_account_iam_policy, google_pubsub_topic_iam_member, google_pubsub_topic_iam_binding, google_pubsub_topic_iam_policy, google_pubsub_subscription_iam_member, google_pubsub_subscription_iam_binding, google_pubsub_subscription_iam_policy, google_secret_manager_secret_iam_member, google_secret_manager_secret_iam_binding, google_secret_manager_secret_iam_policy, google_artifact_registry_repository_iam_member, google_artifact_registry_repository_iam_binding, google_artifact_registry_repository_iam_policy, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_policy, google_spanner_instance_iam_member, google_spanner_instance_iam_binding, google_spanner_instance_iam_policy, google_spanner_database_iam_member, google_spanner_database_iam_binding, google_spanner_database_iam_policy, google_bigquery_table_iam_member, google_bigquery_table_iam_binding, google_bigquery_table_iam_policy, google_bigtable_instance_iam_member, google_bigtable_instance_iam_binding, google_bigtable_instance_iam_policy, google_bigtable_table_iam_member, google_bigtable_table_iam_binding, google_bigtable_table_iam_policy, google_dataproc_cluster_iam_member, google_dataproc_cluster_iam_binding, google_dataproc_cluster_iam_policy, google_compute_instance_iam_member, google_compute_instance_iam_binding, google_compute_instance_iam_policy, google_compute_disk_iam_member, google_compute_disk_iam_binding, google_compute_disk_iam_policy, google_compute_image_iam_member, google_compute_image_iam_binding, google_compute_image_iam_policy, google_compute_subnetwork_iam_member, google_compute_subnetwork_iam_binding, google_compute_subnetwork_iam_policy, google_healthcare_dataset_iam_member, google_healthcare_dataset_iam_binding, google_healthcare_dataset_iam_policy, google_sourcerepo_repository_iam_member, google_sourcerepo_repository_iam_binding, google_sourcerepo_repository_iam_policy]
#     per_resource: true
#   remediation: Remove allUsers and allAuthenticatedUsers from the resource's IAM members; grant the role to the users, groups or service accounts that need it.
package tenet.gcp.iam.public_members

import rego.v1

import data.tenet.lib.gcp
import data.tenet.lib.result

_prefixes := [
	"google_project",
	"google_folder",
	"google_organization",
	"google_service_account",
	"google_pubsub_topic",
	"google_pubsub_subscription",
	"google_secret_manager_secret",
	"google_artifact_registry_repository",
	"google_kms_key_ring",
	"google_spanner_instance",
	"google_spanner_database",
	"google_bigquery_table",
	"google_bigtable_instance",
	"google_bigtable_table",
	"google_dataproc_cluster",
	"google_compute_instance",
	"google_compute_disk",
	"google_compute_image",
	"google_compute_subnetwork",
	"google_healthcare_dataset",
	"google_sourcerepo_repository",
]

deny contains result.fail_attr(g.resource, g.attribute, sprintf("grants %s", [gcp.grant_text(g)])) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	g.member in gcp.public_members
}

unknown contains result.unknown(g.resource, g.attribute) if {
	some prefix in _prefixes
	some g in gcp.iam_grants(prefix)
	g.member == null
}
