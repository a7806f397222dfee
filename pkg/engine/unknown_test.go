package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tenet-dev/tenet/pkg/finding"
	"github.com/tenet-dev/tenet/pkg/input"
)

// undecidingReads are the (rule, resource type, attribute path) cases in
// which an unknown value legitimately leaves the rule silent (or failing
// for another reason), with why. A type of "*" is every selector type of
// the rule. Most read an attribute of another of the rule's types; the
// others decide only under a condition that the generated resource, with
// nothing else set, does not meet.
var undecidingReads = map[[3]string]string{
	{"TNT-AWS-VPC-005", "aws_default_security_group", "vpc_id"}:                                      "names the VPC whose group it manages: the VPC, absent here, is judged (unknown then: test_unknown_default_group_vpc_through_local)",
	{"TNT-AWS-EC2-003", "aws_launch_template", "root_block_device"}:                                  "not a launch template attribute (block_device_mappings is)",
	{"TNT-AWS-EC2-005", "aws_instance", "network_interfaces"}:                                        "a launch template attribute",
	{"TNT-AWS-EC2-005", "aws_launch_configuration", "network_interfaces"}:                            "a launch template attribute",
	{"TNT-AWS-EC2-005", "aws_launch_template", "associate_public_ip_address"}:                        "launch templates set it in network_interfaces",
	{"TNT-AWS-ELB-001", "aws_alb", "access_logs.0.bucket"}:                                           "enabled is absent (false) here: the rule fails on enabled, reported on access_logs, whatever the bucket",
	{"TNT-AWS-ELB-001", "aws_lb", "access_logs.0.bucket"}:                                            "enabled is absent (false) here: the rule fails on enabled, reported on access_logs, whatever the bucket",
	{"TNT-AWS-ELB-002", "aws_alb_listener", "default_action"}:                                        "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_lb_listener", "default_action"}:                                         "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_alb_listener", "internal"}:                                              "an aws_elb attribute",
	{"TNT-AWS-ELB-002", "aws_lb_listener", "internal"}:                                               "an aws_elb attribute",
	{"TNT-AWS-ELB-002", "aws_alb_listener", "listener"}:                                              "an aws_elb attribute",
	{"TNT-AWS-ELB-002", "aws_lb_listener", "listener"}:                                               "an aws_elb attribute",
	{"TNT-AWS-ELB-002", "aws_elb", "default_action"}:                                                 "a listener attribute",
	{"TNT-AWS-ELB-002", "aws_alb_listener", "default_action.0.type"}:                                 "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_lb_listener", "default_action.0.type"}:                                  "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_alb_listener", "default_action.0.redirect"}:                             "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_lb_listener", "default_action.0.redirect"}:                              "decides only for an HTTP listener; protocol is absent here",
	{"TNT-AWS-ELB-002", "aws_elb", "default_action.0.type"}:                                          "a listener attribute",
	{"TNT-AWS-ELB-002", "aws_elb", "default_action.0.redirect"}:                                      "a listener attribute",
	{"TNT-AWS-ELB-002", "aws_elb", "protocol"}:                                                       "a listener attribute",
	{"TNT-AWS-ELB-002", "aws_elb", "internal"}:                                                       "decides only with an HTTP listener; there is none here",
	{"TNT-AWS-ELB-003", "aws_alb_listener", "attribute"}:                                             "an aws_lb_ssl_negotiation_policy attribute",
	{"TNT-AWS-ELB-003", "aws_lb_listener", "attribute"}:                                              "an aws_lb_ssl_negotiation_policy attribute",
	{"TNT-AWS-ELB-003", "aws_alb_listener", "ssl_policy"}:                                            "decides only for an HTTPS or TLS listener; protocol is absent here",
	{"TNT-AWS-ELB-003", "aws_lb_listener", "ssl_policy"}:                                             "decides only for an HTTPS or TLS listener; protocol is absent here",
	{"TNT-AWS-ELB-003", "aws_lb_ssl_negotiation_policy", "protocol"}:                                 "a listener attribute",
	{"TNT-AWS-ELB-003", "aws_lb_ssl_negotiation_policy", "ssl_policy"}:                               "a listener attribute",
	{"TNT-AWS-GD-001", "aws_guardduty_detector", "auto_enable"}:                                      "an organization configuration attribute",
	{"TNT-AWS-GD-001", "aws_guardduty_detector", "auto_enable_organization_members"}:                 "an organization configuration attribute",
	{"TNT-AWS-GD-001", "aws_guardduty_organization_configuration", "enable"}:                         "a detector attribute",
	{"TNT-AWS-IAM-007", "aws_iam_policy_attachment", "user"}:                                         "that type has users, not user",
	{"TNT-AWS-IAM-007", "aws_iam_user_policy_attachment", "user"}:                                    "every user policy attachment fails, whatever the user",
	{"TNT-AWS-IAM-008", "aws_iam_group_policy_attachment", "managed_policy_arns"}:                    "an aws_iam_role attribute",
	{"TNT-AWS-IAM-008", "aws_iam_policy_attachment", "managed_policy_arns"}:                          "an aws_iam_role attribute",
	{"TNT-AWS-IAM-008", "aws_iam_role_policy_attachment", "managed_policy_arns"}:                     "an aws_iam_role attribute",
	{"TNT-AWS-IAM-008", "aws_iam_user_policy_attachment", "managed_policy_arns"}:                     "an aws_iam_role attribute",
	{"TNT-AWS-IAM-008", "aws_iam_role", "policy_arn"}:                                                "an attachment attribute",
	{"TNT-AWS-IAM-012", "aws_iam_access_key", "create_date"}:                                         "computed only, never set by the configuration: a key that a plan creates is new",
	{"TNT-AWS-IAM-012", "aws_iam_access_key", "status"}:                                              "decides only for a key older than 90 days; create_date is absent here",
	{"TNT-AWS-LMB-001", "aws_lambda_function_url", "principal"}:                                      "an aws_lambda_permission attribute",
	{"TNT-AWS-LMB-001", "aws_lambda_function_url", "principal_org_id"}:                               "an aws_lambda_permission attribute",
	{"TNT-AWS-LMB-001", "aws_lambda_function_url", "source_account"}:                                 "an aws_lambda_permission attribute",
	{"TNT-AWS-LMB-001", "aws_lambda_function_url", "source_arn"}:                                     "an aws_lambda_permission attribute",
	{"TNT-AWS-LMB-001", "aws_lambda_permission", "authorization_type"}:                               "a function URL attribute",
	{"TNT-AWS-LMB-001", "aws_lambda_permission", "principal_org_id"}:                                 "decides only for a service principal; principal is absent here",
	{"TNT-AWS-LMB-001", "aws_lambda_permission", "source_account"}:                                   "decides only for a service principal; principal is absent here",
	{"TNT-AWS-LMB-001", "aws_lambda_permission", "source_arn"}:                                       "decides only for a service principal; principal is absent here",
	{"TNT-AWS-LMB-003", "aws_lambda_function", "package_type"}:                                       "decides only for a deprecated runtime; runtime is absent here",
	{"TNT-AWS-RDS-010", "*", "performance_insights_kms_key_id"}:                                      "performance_insights_enabled is absent (false) here: the key matters only with Performance Insights on",
	{"TNT-AWS-RDS-008", "*", "iam_database_authentication_enabled"}:                                  "judged for MySQL and PostgreSQL only; engine is absent here (an unknown engine is checked on its own)",
	{"TNT-AWS-S3-011", "aws_s3_bucket", "rule.0.object_ownership"}:                                   "an aws_s3_bucket_ownership_controls attribute",
	{"TNT-AWS-SH-001", "aws_securityhub_account", "auto_enable"}:                                     "an organization configuration attribute",
	{"TNT-AWS-SH-001", "aws_securityhub_account", "organization_configuration.0.configuration_type"}: "an organization configuration attribute",
	{"TNT-AWS-SQS-001", "aws_sqs_queue", "kms_master_key_id"}:                                        "decides only when sqs_managed_sse_enabled is false; it is absent here",
	{"TNT-AZ-AKS-001", "azurerm_kubernetes_cluster", "local_account_disabled"}:                       "decides only with Entra ID integration, absent here",
	{"TNT-AZ-IAM-001", "azurerm_role_definition", "assignable_scopes"}:                               "decides only for a role with \"*\" actions; there are none here",
	{"TNT-AZ-IAM-001", "azurerm_role_definition", "scope"}:                                           "decides only for a role with \"*\" actions; there are none here",
	{"TNT-AZ-IAM-001", "azurerm_role_definition", "permissions"}:                                     "decides only with a subscription or management group scope; there is none here",
	{"TNT-AZ-IAM-001", "azurerm_role_definition", "permissions.0.actions"}:                           "decides only with a subscription or management group scope; there is none here",
	{"TNT-AZ-MY-001", "azurerm_mysql_flexible_server", "ssl_enforcement"}:                            "an azurerm_mysql_server attribute",
	{"TNT-AZ-MY-001", "azurerm_mysql_flexible_server", "ssl_enforcement_enabled"}:                    "an azurerm_mysql_server attribute",
	{"TNT-AZ-MY-002", "azurerm_mysql_flexible_server", "ssl_minimal_tls_version_enforced"}:           "an azurerm_mysql_server attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_flexible_server", "name"}:                                  "a flexible server configuration attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_flexible_server", "value"}:                                 "a flexible server configuration attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_flexible_server", "ssl_enforcement_enabled"}:               "an azurerm_postgresql_server attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_flexible_server", "ssl_minimal_tls_version_enforced"}:      "an azurerm_postgresql_server attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_server", "name"}:                                           "a flexible server configuration attribute",
	{"TNT-AZ-PG-001", "azurerm_postgresql_server", "value"}:                                          "a flexible server configuration attribute",
	{"TNT-AZ-SQL-002", "*", "retention_in_days"}:                                                     "an attribute of the separate extended auditing policy",
	{"TNT-AZ-STG-003", "azurerm_storage_account", "container_access_type"}:                           "a container attribute",
	{"TNT-AZ-STG-003", "azurerm_storage_container", "allow_blob_public_access"}:                      "a storage account attribute",
	{"TNT-AZ-STG-003", "azurerm_storage_container", "allow_nested_items_to_be_public"}:               "a storage account attribute",
	{"TNT-AZ-VM-003", "azurerm_linux_virtual_machine", "storage_data_disk"}:                          "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-VM-003", "azurerm_linux_virtual_machine", "storage_os_disk"}:                            "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-VM-003", "azurerm_linux_virtual_machine", "storage_os_disk.0.vhd_uri"}:                  "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-VM-003", "azurerm_windows_virtual_machine", "storage_data_disk"}:                        "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-VM-003", "azurerm_windows_virtual_machine", "storage_os_disk"}:                          "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-VM-003", "azurerm_windows_virtual_machine", "storage_os_disk.0.vhd_uri"}:                "an azurerm_virtual_machine attribute: this type always uses managed disks",
	{"TNT-AZ-STG-009", "azurerm_storage_account", "bypass"}:                                          "an azurerm_storage_account_network_rules attribute",
	{"TNT-GCP-BQ-001", "*", "role"}:                                                                  "read for the message only",
	{"TNT-GCP-BQ-001", "google_bigquery_dataset_access", "access"}:                                   "a google_bigquery_dataset attribute",
	{"TNT-GCP-BQ-001", "google_bigquery_dataset_iam_binding", "access"}:                              "a google_bigquery_dataset attribute",
	{"TNT-GCP-BQ-001", "google_bigquery_dataset_iam_policy", "access"}:                               "a google_bigquery_dataset attribute",
	{"TNT-GCP-CMP-001", "google_compute_firewall", "source_ranges"}:                                  "decides only with an allow block that covers the port; there is none here",
	{"TNT-GCP-CMP-002", "google_compute_firewall", "source_ranges"}:                                  "decides only with an allow block that covers the port; there is none here",
	{"TNT-GCP-CMP-003", "google_compute_network", "auto_create_network"}:                             "a google_project attribute",
	{"TNT-GCP-CMP-007", "google_compute_instance", "key"}:                                            "a metadata item attribute",
	{"TNT-GCP-CMP-007", "google_compute_instance", "value"}:                                          "a metadata item attribute",
	{"TNT-GCP-CMP-007", "google_compute_project_metadata_item", "metadata"}:                          "an instance and project metadata attribute",
	{"TNT-GCP-CMP-007", "google_compute_project_metadata_item", "metadata.0.enable-oslogin"}:         "an instance and project metadata attribute",
	{"TNT-GCP-CMP-007", "google_compute_project_metadata_item", "value"}:                             "decides only for the enable-oslogin item; key is absent here",
	{"TNT-GCP-SQL-005", "*", "settings.0.database_flags"}:                                            "judged per engine; database_version is absent here (an unknown version is checked on its own)",
	{"TNT-GCP-SQL-006", "*", "settings.0.database_flags"}:                                            "judged per engine; database_version is absent here (an unknown version is checked on its own)",
	{"TNT-GCP-STG-001", "*", "bucket"}:                                                               "joins the grant to its bucket, which can only lift a failure; there is no member here",
	{"TNT-GCP-STG-001", "*", "name"}:                                                                 "joins the grant to its bucket, which can only lift a failure; there is no member here",
	{"TNT-GCP-STG-001", "*", "public_access_prevention"}:                                             "a google_storage_bucket attribute",
	{"TNT-GCP-BQ-002", "google_bigquery_dataset", "dataset_id"}:                                      "joins tables to their dataset; there is no table here",
	{"TNT-GCP-BQ-002", "google_bigquery_dataset", "project"}:                                         "joins tables to their dataset; there is no table here",
	{"TNT-GCP-BQ-002", "google_bigquery_dataset", "encryption_configuration.0.kms_key_name"}:         "a google_bigquery_table attribute",
	{"TNT-GCP-BQ-002", "google_bigquery_dataset", "external_data_configuration"}:                     "a google_bigquery_table attribute",
	{"TNT-GCP-BQ-002", "google_bigquery_dataset", "view"}:                                            "a google_bigquery_table attribute",
	{"TNT-GCP-CMP-013", "google_compute_instance", "key"}:                                            "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_instance", "value"}:                                          "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_instance_template", "key"}:                                   "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_instance_template", "value"}:                                 "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata", "key"}:                                    "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata", "value"}:                                  "a metadata item attribute",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata_item", "metadata"}:                          "an instance and project metadata attribute",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata_item", "metadata.0.serial-port-enable"}:     "an instance and project metadata attribute",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata_item", "key"}:                               "value is absent here, which turns the console on for no key",
	{"TNT-GCP-CMP-013", "google_compute_project_metadata_item", "value"}:                             "decides only for the serial-port-enable item; key is absent here",
	{"TNT-GCP-CMP-014", "google_compute_instance_template", "boot_disk.0.source"}:                    "an instance attribute",
	{"TNT-GCP-CMP-015", "*", "confidential_instance_config.0"}:                                       "decides only for N2D, C2D and C3D machine types; machine_type is absent here",
	{"TNT-GCP-CMP-017", "google_compute_firewall", "source_ranges"}:                                  "decides only with an allow block that covers a database port; there is none here",
	{"TNT-GCP-GKE-007", "google_container_node_pool", "node_pool"}:                                   "a google_container_cluster attribute",
	{"TNT-GCP-LOG-010", "*", "disabled"}:                                                             "judged in projects whose allServices audit configuration the input declares; there is none here",
	{"TNT-GCP-LOG-010", "*", "filter"}:                                                               "judged in projects whose allServices audit configuration the input declares; there is none here",
	{"TNT-GCP-LOG-010", "*", "include_children"}:                                                     "judged in projects whose allServices audit configuration the input declares; there is none here",
	{"TNT-GCP-LOG-010", "*", "project"}:                                                              "judged in projects whose allServices audit configuration the input declares; there is none here",
	{"TNT-GCP-LOG-011", "*", "disabled"}:                                                             "judged on the buckets that a sink of the input exports to; there is no such pair here",
	{"TNT-GCP-LOG-011", "*", "name"}:                                                                 "judged on the buckets that a sink of the input exports to; there is no such pair here",
	{"TNT-GCP-LOG-011", "*", "retention_policy.0.is_locked"}:                                         "judged on the buckets that a sink of the input exports to; there is no such pair here",
	{"TNT-GCP-LOG-011", "*", "retention_policy.0.retention_period"}:                                  "judged on the buckets that a sink of the input exports to; there is no such pair here",
	{"TNT-GCP-LOG-011", "google_storage_bucket", "destination"}:                                      "a sink attribute",
	{"TNT-GCP-LOG-012", "google_dns_policy", "enable_logging"}:                                       "judged per network; there is none here",
	{"TNT-GCP-LOG-012", "google_dns_policy", "name"}:                                                 "judged per network; there is none here",
	{"TNT-GCP-LOG-012", "google_dns_policy", "networks"}:                                             "judged per network; there is none here",
	{"TNT-GCP-LOG-012", "google_dns_policy", "project"}:                                              "judged per network; there is none here",
	{"TNT-GCP-LOG-013", "google_compute_region_backend_service", "log_config.0.enable"}:              "decides only for an HTTP(S) backend service; a regional one without protocol is not",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_method_settings", "cache_cluster_enabled"}:                "a stage attribute",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_method_settings", "method_path"}:                          "decides only when caching is on; caching_enabled is absent here",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_method_settings", "settings.0.cache_data_encrypted"}:      "decides only when caching is on; caching_enabled is absent here",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_method_settings", "stage_name"}:                           "decides only when caching is on; caching_enabled is absent here",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_stage", "method_path"}:                                    "a method settings attribute",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_stage", "settings.0.cache_data_encrypted"}:                "a method settings attribute",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_stage", "settings.0.caching_enabled"}:                     "a method settings attribute",
	{"TNT-AWS-APIGW-003", "aws_api_gateway_stage", "stage_name"}:                                     "decides only for a stage with a cache cluster; cache_cluster_enabled is absent here",
	{"TNT-AWS-APIGW-005", "aws_api_gateway_method_settings", "method_path"}:                          "judged on stages; there is none here",
	{"TNT-AWS-APIGW-005", "aws_api_gateway_method_settings", "rest_api_id"}:                          "judged on stages; there is none here",
	{"TNT-AWS-APIGW-005", "aws_api_gateway_method_settings", "settings.0.logging_level"}:             "judged on stages; there is none here",
	{"TNT-AWS-APIGW-005", "aws_api_gateway_method_settings", "stage_name"}:                           "judged on stages; there is none here",
	{"TNT-AWS-CB-003", "aws_codebuild_project", "logs_config.0.s3_logs.0.encryption_disabled"}:       "decides only for S3 logs with status ENABLED; status is absent (DISABLED) here",
	{"TNT-AWS-CB-003", "aws_codebuild_project", "logs_config.0.s3_logs.0.status"}:                    "decides only with encryption_disabled true; it is absent (false) here",
	{"TNT-AWS-CF-004", "aws_cloudwatch_log_delivery_source", "log_type"}:                             "joins a delivery source to its distribution; there is no distribution here",
	{"TNT-AWS-CF-004", "aws_cloudwatch_log_delivery_source", "logging_config"}:                       "a distribution attribute",
	{"TNT-AWS-CF-006", "aws_cloudfront_distribution", "default_cache_behavior.0.target_origin_id"}:   "decides only for a distribution with an S3 origin; origin is absent here",
	{"TNT-AWS-CF-006", "aws_cloudfront_distribution", "default_root_object"}:                         "decides only for a distribution with an S3 origin; origin is absent here",
	{"TNT-AWS-ELC-004", "aws_elasticache_cluster", "global_replication_group_id"}:                    "a replication group attribute",
	{"TNT-AWS-ELC-004", "aws_elasticache_cluster", "replication_group_id"}:                           "judged for Redis OSS and Valkey clusters; engine is absent here (an unknown engine is checked on its own)",
	{"TNT-AWS-ELC-004", "aws_elasticache_cluster", "snapshot_retention_limit"}:                       "judged for Redis OSS and Valkey clusters; engine is absent here (an unknown engine is checked on its own)",
	{"TNT-AWS-ES-004", "aws_elasticsearch_domain", "vpc_options.0.subnet_ids"}:                       "a vpc_options block puts the domain in a VPC, whatever its subnets",
	{"TNT-AWS-ES-004", "aws_opensearch_domain", "vpc_options.0.subnet_ids"}:                          "a vpc_options block puts the domain in a VPC, whatever its subnets",
	{"TNT-AWS-IAM-015", "*", "group"}:                                                                "judged for users with a console password (aws_iam_user_login_profile) and the policies that reach them; the generated input holds one resource",
	{"TNT-AWS-IAM-015", "*", "groups"}:                                                               "judged for users with a console password (aws_iam_user_login_profile) and the policies that reach them; the generated input holds one resource",
	{"TNT-AWS-IAM-015", "*", "name"}:                                                                 "judged for users with a console password (aws_iam_user_login_profile) and the policies that reach them; the generated input holds one resource",
	{"TNT-AWS-IAM-015", "*", "policy_arn"}:                                                           "judged for users with a console password (aws_iam_user_login_profile) and the policies that reach them; the generated input holds one resource",
	{"TNT-AWS-IAM-015", "*", "users"}:                                                                "judged for users with a console password (aws_iam_user_login_profile) and the policies that reach them; the generated input holds one resource",
	{"TNT-AWS-S3-012", "*", "arn"}:                                                                   "off unless the parameter s3_replication_data_classes lists data classes; it is unset here",
	{"TNT-AWS-S3-012", "*", "replication_configuration"}:                                             "off unless the parameter s3_replication_data_classes lists data classes; it is unset here",
	{"TNT-AWS-S3-012", "*", "replication_configuration.0.rules.0.status"}:                            "off unless the parameter s3_replication_data_classes lists data classes; it is unset here",
	{"TNT-AWS-S3-012", "*", "rule.0.destination.0.bucket"}:                                           "off unless the parameter s3_replication_data_classes lists data classes; it is unset here",
	{"TNT-AWS-S3-012", "*", "rule.0.status"}:                                                         "off unless the parameter s3_replication_data_classes lists data classes; it is unset here",
	{"TNT-AWS-VPC-011", "*", "default"}:                                                              "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "default_for_az"}:                                                       "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "filter"}:                                                               "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "id"}:                                                                   "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "ids"}:                                                                  "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "launch_template"}:                                                      "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "network_interface"}:                                                    "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "subnet_id"}:                                                            "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-VPC-011", "*", "vpc_id"}:                                                               "judged against the default VPC the input declares or reads (aws_default_vpc, a default data.aws_vpc); there is none here",
	{"TNT-AWS-ECS-006", "aws_ecs_account_setting_default", "name"}:                                   "judged per cluster; there is none here",
	{"TNT-AWS-ECS-006", "aws_ecs_account_setting_default", "setting"}:                                "judged per cluster; there is none here",
	{"TNT-AWS-ECS-006", "aws_ecs_account_setting_default", "value"}:                                  "judged per cluster; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "arn"}:                                              "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "backup_policy.0.status"}:                           "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "condition"}:                                        "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "not_resources"}:                                    "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "resources"}:                                        "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_efs_backup_policy", "selection_tag"}:                                    "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "arn"}:                                               "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "backup_policy.0.status"}:                            "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "condition"}:                                         "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "not_resources"}:                                     "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "resources"}:                                         "judged per file system; there is none here",
	{"TNT-AWS-EFS-002", "aws_backup_selection", "selection_tag"}:                                     "judged per file system; there is none here",
}

// TestUnknownThroughLocals is the rule protocol for values unknown until
// apply, checked on every built-in Terraform rule: for every attribute path
// that a rule reads (rulePaths) and every resource type it selects, a plan
// resource of that type whose attribute the configuration sets from a value
// unknown until apply through a local (listed in unknown and in configured,
// with no reference) must not fail on that attribute, and when the rule
// does not fail the resource at all, it reports it unknown: never a silent
// pass. Enclosing blocks are written with one element, so that the path
// exists as in a real plan.
func TestUnknownThroughLocals(t *testing.T) {
	cat := builtinCatalog(t)
	eng, err := New(t.Context(), cat, Options{Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	paths := rulePaths(t, cat)
	checked := 0
	used := map[[3]string]bool{}
	for _, r := range cat.Rules {
		for _, typ := range terraformTypes(r.Selectors) {
			for _, path := range readPaths(paths[r.ID]) {
				if key, ok := undeciding(r.ID, typ, path); ok {
					used[key] = true
					continue
				}
				checked++
				res := localResource(typ, path)
				doc := input.Document{
					Schema:    input.Schema,
					Source:    input.Source{Path: "generated.json", Format: input.FormatTerraformPlan},
					Resources: []input.Resource{res},
				}
				got, err := eng.Eval(t.Context(), doc)
				if err != nil {
					t.Fatal(err)
				}
				if msg := judgeUnknown(got.Findings, r.ID, res.Address, plainPath(path)); msg != "" {
					t.Errorf("%s on %s with %s set through a local, unknown until apply: %s", r.ID, typ, path, msg)
				}
			}
		}
	}
	if checked < 250 {
		t.Errorf("only %d rule, type and path cases: the paths are not found", checked)
	}
	for key := range undecidingReads {
		if !used[key] {
			t.Errorf("undecidingReads has %v, which no rule reads: remove it", key)
		}
	}
	t.Logf("%d rule, type and path cases checked, %d allowed", checked, len(used))
}

// undeciding returns the key of undecidingReads that says why the read of
// path by rule on typ does not decide the rule, if there is one.
func undeciding(rule, typ, path string) ([3]string, bool) {
	for _, k := range [][3]string{{rule, typ, path}, {rule, "*", path}} {
		if _, ok := undecidingReads[k]; ok {
			return k, true
		}
	}
	return [3]string{}, false
}

// judgeUnknown says what is wrong with the findings of rule on resource
// addr whose attribute at plain path is unknown: a failure on that
// attribute (or one that contains it or lies inside it), or no finding at
// all. "" when nothing is.
func judgeUnknown(findings []finding.Finding, rule, addr, plain string) string {
	var failed, unknown bool
	for _, f := range findings {
		if f.RuleID != rule || f.Resource != addr {
			continue
		}
		switch f.Kind {
		case finding.KindUnknown:
			unknown = true
		case finding.KindDeny, finding.KindWarn:
			failed = true
			if related(plainPath(f.Attribute), plain) {
				return fmt.Sprintf("fails on %s (%q)", f.Attribute, f.Message)
			}
		}
	}
	if !failed && !unknown {
		return "passes silently: no failure and no unknown"
	}
	return ""
}

// related reports whether attribute paths a and b are the same, or one
// contains the other.
func related(a, b string) bool {
	return a != "" && (a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+"."))
}

// readPaths returns one path per plain path of paths, preferring a form
// with list indexes (it says which segments are blocks), sorted.
func readPaths(paths []string) []string {
	best := map[string]string{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		plain := plainPath(p)
		if cur, ok := best[plain]; !ok || !strings.Contains(cur, ".0.") && p != plain {
			best[plain] = p
		}
	}
	out := make([]string, 0, len(best))
	for _, p := range best {
		out = append(out, indexed(p))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// indexed writes a path without list indexes with the index 0 after every
// segment but the last: the dotted paths that rules read without indexes
// are attributes of nested blocks.
func indexed(path string) string {
	if path != plainPath(path) {
		return path
	}
	segs := strings.Split(path, ".")
	var out []string
	for i, s := range segs {
		out = append(out, s)
		if i < len(segs)-1 {
			out = append(out, "0")
		}
	}
	return strings.Join(out, ".")
}

// localResource is a created resource of typ whose attribute at path (list
// indexes included) the configuration sets through a local: unknown until
// apply, configured, no reference. Its enclosing blocks hold one element.
func localResource(typ, path string) input.Resource {
	addr := typ + ".generated"
	return input.Resource{
		Address:       addr,
		ConfigAddress: addr,
		Type:          typ,
		Name:          "generated",
		Mode:          "managed",
		Action:        input.ActionCreate,
		Values:        skeleton(strings.Split(path, ".")),
		Unknown:       []string{path},
		Configured:    []string{plainPath(path)},
		Location:      input.Location{File: "generated.json"},
	}
}

// skeleton is the values object that holds the blocks enclosing the path
// segs, each with one element, and nothing at the path itself.
func skeleton(segs []string) map[string]any {
	values := map[string]any{}
	cur := values
	for i := 0; i+2 < len(segs); i++ {
		if !isIndex(segs[i+1]) {
			next := map[string]any{}
			cur[segs[i]] = next
			cur = next
			continue
		}
		next := map[string]any{}
		cur[segs[i]] = []any{next}
		cur = next
		i++
	}
	return values
}
