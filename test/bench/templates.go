// The attributes of the most judged resource types in generated plans.

package bench

import (
	"fmt"
	"math/rand/v2"
)

// templates give realistic attributes for the most judged resource types.
var templates = map[string]func(rng *rand.Rand, i int, ok bool) map[string]any{
	"aws_s3_bucket": func(_ *rand.Rand, i int, ok bool) map[string]any {
		v := map[string]any{"bucket": fmt.Sprintf("estate-bucket-%d", i), "force_destroy": false, "acl": either(ok, "private", "public-read")}
		if ok {
			v["versioning"] = []any{map[string]any{"enabled": true, "mfa_delete": true}}
			v["server_side_encryption_configuration"] = []any{map[string]any{"rule": []any{map[string]any{
				"apply_server_side_encryption_by_default": []any{map[string]any{"sse_algorithm": "aws:kms", "kms_master_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"}},
				"bucket_key_enabled":                      true,
			}}}}
			v["logging"] = []any{map[string]any{"target_bucket": "logs", "target_prefix": fmt.Sprintf("b%d/", i)}}
		}
		return v
	},
	"aws_ebs_volume": func(rng *rand.Rand, _ int, ok bool) map[string]any {
		return map[string]any{"availability_zone": "eu-west-1a", "size": 8 + rng.IntN(500), "type": "gp3", "encrypted": ok, "iops": 3000, "throughput": 125}
	},
	"aws_security_group": func(rng *rand.Rand, i int, ok bool) map[string]any {
		cidr := either(ok, "10.0.0.0/8", "0.0.0.0/0")
		port := []int{22, 3389, 443, 5432}[rng.IntN(4)]
		return map[string]any{
			"name": fmt.Sprintf("sg-%d", i), "description": "Managed by Terraform", "vpc_id": "vpc-0abc",
			"ingress": []any{map[string]any{"from_port": port, "to_port": port, "protocol": "tcp", "cidr_blocks": []any{cidr}, "ipv6_cidr_blocks": []any{}, "description": "ingress", "self": false, "security_groups": []any{}, "prefix_list_ids": []any{}}},
			"egress":  []any{map[string]any{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": []any{"0.0.0.0/0"}, "ipv6_cidr_blocks": []any{}, "description": "", "self": false, "security_groups": []any{}, "prefix_list_ids": []any{}}},
		}
	},
	"aws_security_group_rule": func(rng *rand.Rand, _ int, ok bool) map[string]any {
		port := []int{22, 3389, 443}[rng.IntN(3)]
		return map[string]any{"type": "ingress", "from_port": port, "to_port": port, "protocol": "tcp", "cidr_blocks": []any{either(ok, "10.1.0.0/16", "0.0.0.0/0")}, "security_group_id": "sg-0abc"}
	},
	"aws_db_instance": func(rng *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"identifier": fmt.Sprintf("db-%d", i), "engine": "postgres", "engine_version": "16.3", "instance_class": "db.t4g.medium",
			"allocated_storage": 20 + rng.IntN(200), "storage_encrypted": ok, "publicly_accessible": !ok, "multi_az": ok,
			"backup_retention_period": either(ok, 14, 0), "deletion_protection": ok, "iam_database_authentication_enabled": ok,
			"auto_minor_version_upgrade": true, "copy_tags_to_snapshot": ok, "monitoring_interval": either(ok, 60, 0),
			"performance_insights_enabled": ok, "enabled_cloudwatch_logs_exports": either(ok, []any{"postgresql", "upgrade"}, []any{}),
			"skip_final_snapshot": !ok, "username": "admin",
		}
	},
	"aws_rds_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"cluster_identifier": fmt.Sprintf("aurora-%d", i), "engine": "aurora-postgresql", "storage_encrypted": ok, "backup_retention_period": either(ok, 7, 1), "deletion_protection": ok, "iam_database_authentication_enabled": ok, "copy_tags_to_snapshot": ok}
	},
	"aws_kms_key": func(_ *rand.Rand, _ int, ok bool) map[string]any {
		return map[string]any{"description": "estate key", "enable_key_rotation": ok, "customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "deletion_window_in_days": either(ok, 30, 7), "is_enabled": true}
	},
	"aws_cloudtrail": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"name": fmt.Sprintf("trail-%d", i), "s3_bucket_name": "audit-logs", "is_multi_region_trail": ok, "include_global_service_events": true,
			"enable_log_file_validation": ok, "kms_key_id": either[any](ok, "arn:aws:kms:eu-west-1:111122223333:key/abc", nil),
			"cloud_watch_logs_group_arn": either[any](ok, "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*", nil), "enable_logging": true,
			"event_selector": []any{map[string]any{"read_write_type": "All", "include_management_events": true, "data_resource": []any{}}},
		}
	},
	"aws_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{
			"ami": "ami-0abcdef", "instance_type": "t3.micro", "associate_public_ip_address": !ok, "monitoring": ok, "ebs_optimized": ok,
			"metadata_options":  []any{map[string]any{"http_tokens": either(ok, "required", "optional"), "http_endpoint": "enabled", "http_put_response_hop_limit": 1}},
			"root_block_device": []any{map[string]any{"encrypted": ok, "volume_size": 20, "volume_type": "gp3"}},
			"user_data":         either[any](ok, nil, fmt.Sprintf("#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=abc%d\n", i)),
		}
	},
	"aws_iam_policy": func(_ *rand.Rand, i int, ok bool) map[string]any {
		action := either(ok, `"s3:GetObject"`, `"*"`)
		return map[string]any{"name": fmt.Sprintf("policy-%d", i), "policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":` + action + `,"Resource":"*"}]}`}
	},
	"aws_lb": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("lb-%d", i), "internal": ok, "load_balancer_type": "application", "drop_invalid_header_fields": ok, "enable_deletion_protection": ok,
			"access_logs": []any{map[string]any{"bucket": "lb-logs", "enabled": ok}}}
	},
	"aws_eks_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("eks-%d", i), "version": "1.30", "enabled_cluster_log_types": either(ok, []any{"api", "audit", "authenticator"}, []any{}),
			"vpc_config":        []any{map[string]any{"endpoint_public_access": !ok, "endpoint_private_access": true, "public_access_cidrs": []any{"0.0.0.0/0"}}},
			"encryption_config": either[any](ok, []any{map[string]any{"resources": []any{"secrets"}, "provider": []any{map[string]any{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abc"}}}}, []any{})}
	},
	"google_compute_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("vm-%d", i), "machine_type": "e2-medium", "zone": "europe-west1-b", "can_ip_forward": !ok,
			"metadata":                 map[string]any{"block-project-ssh-keys": either(ok, "true", "false"), "serial-port-enable": either(ok, "false", "true")},
			"shielded_instance_config": []any{map[string]any{"enable_secure_boot": ok, "enable_vtpm": true, "enable_integrity_monitoring": true}},
			"network_interface":        []any{map[string]any{"network": "default", "access_config": either(ok, []any{}, []any{map[string]any{"nat_ip": ""}})}}}
	},
	"google_sql_database_instance": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("sql-%d", i), "database_version": "POSTGRES_16", "deletion_protection": ok,
			"settings": []any{map[string]any{"tier": "db-f1-micro",
				"ip_configuration":            []any{map[string]any{"ipv4_enabled": !ok, "ssl_mode": either(ok, "ENCRYPTED_ONLY", "ALLOW_UNENCRYPTED_AND_ENCRYPTED"), "authorized_networks": []any{}}},
				"backup_configuration":        []any{map[string]any{"enabled": ok, "point_in_time_recovery_enabled": ok}},
				"database_flags":              []any{map[string]any{"name": "log_connections", "value": either(ok, "on", "off")}},
				"availability_type":           "ZONAL",
				"disk_autoresize":             true,
				"deletion_protection_enabled": ok}}}
	},
	"google_container_cluster": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("gke-%d", i), "location": "europe-west1", "enable_legacy_abac": !ok, "enable_shielded_nodes": ok,
			"master_auth":            []any{map[string]any{"client_certificate_config": []any{map[string]any{"issue_client_certificate": !ok}}}},
			"private_cluster_config": either[any](ok, []any{map[string]any{"enable_private_nodes": true, "enable_private_endpoint": true}}, []any{}),
			"network_policy":         []any{map[string]any{"enabled": ok}}, "logging_service": "logging.googleapis.com/kubernetes"}
	},
	"azurerm_storage_account": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("st%d", i), "resource_group_name": "rg", "location": "westeurope", "account_tier": "Standard",
			"account_replication_type": "GRS", "min_tls_version": either(ok, "TLS1_2", "TLS1_0"), "https_traffic_only_enabled": ok,
			"allow_nested_items_to_be_public": !ok, "public_network_access_enabled": !ok, "shared_access_key_enabled": !ok,
			"infrastructure_encryption_enabled": ok,
			"network_rules":                     []any{map[string]any{"default_action": either(ok, "Deny", "Allow"), "bypass": []any{"AzureServices"}, "ip_rules": []any{}}}}
	},
	"azurerm_key_vault": func(_ *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("kv-%d", i), "sku_name": "standard", "purge_protection_enabled": ok, "soft_delete_retention_days": 90,
			"public_network_access_enabled": !ok, "enable_rbac_authorization": ok,
			"network_acls": []any{map[string]any{"default_action": either(ok, "Deny", "Allow"), "bypass": "AzureServices"}}}
	},
	"azurerm_network_security_rule": func(rng *rand.Rand, i int, ok bool) map[string]any {
		return map[string]any{"name": fmt.Sprintf("rule-%d", i), "priority": 100 + rng.IntN(3000), "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
			"source_port_range": "*", "destination_port_range": []string{"22", "3389", "443"}[rng.IntN(3)], "source_address_prefix": either(ok, "10.0.0.0/8", "*"),
			"destination_address_prefix": "*", "resource_group_name": "rg", "network_security_group_name": "nsg"}
	},
}
