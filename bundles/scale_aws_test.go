package bundles_test

import (
	"fmt"
	"testing"
)

// TestAWSJoinsScaleLinearly times the AWS rules that join each resource to
// the resources of another type (file systems × backup selections, stages
// × method settings, default groups × VPCs): each looks its matches up in
// an index built once per query, where a scan per resource made a 50,000
// resource plan take 20-30× the time of a 10,000 resource one.
func TestAWSJoinsScaleLinearly(t *testing.T) {
	// With a scan per resource, 400 units took 20× (file systems) and 23×
	// (stages) the time of 100 (a tenth of a second).
	checkScale(t, 100, []scaleCase{
		{pkg: "tenet.aws.efs.backup", unit: efsBackupUnit},
		{pkg: "tenet.aws.apigateway.execution_logging", unit: executionLoggingUnit},
		// Buckets × replication configurations, with the parameter that
		// turns TNT-AWS-S3-012 on.
		{pkg: "tenet.aws.s3.replication", unit: replicationUnit, params: map[string]any{"s3_replication_data_classes": []any{"confidential"}}},
	})
	// A cheaper scan (of VPC addresses per group, of groups per default
	// VPC): 1200 units took 16× the time of 300.
	checkScale(t, 300, []scaleCase{
		{pkg: "tenet.aws.vpc.default_security_group", unit: defaultSecurityGroupUnit},
	})
}

// efsBackupUnit is a file system and, but for one unit in five (a finding),
// a selection of it: by reference, by a tag that every tagged file system
// carries (each of them is a candidate of every such selection), by ARN,
// or by reference with exclusions unknown until apply (unknown).
func efsBackupUnit(i int) []map[string]any {
	name := fmt.Sprintf("fs%d", i)
	arn := fmt.Sprintf("arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-%d", i)
	values := map[string]any{"arn": arn}
	if i%5 == 2 {
		values["tags"] = map[string]any{"backup": "daily"}
	}
	fs := managed("aws_efs_file_system", name, values, nil)
	sel := fmt.Sprintf("sel%d", i)
	byRef := map[string]any{"resources": []any{fs["config_address"]}}
	switch i % 5 {
	case 0:
		return []map[string]any{fs, managed("aws_backup_selection", sel, map[string]any{"name": sel}, byRef)}
	case 2:
		tag := []any{map[string]any{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}}
		return []map[string]any{fs, managed("aws_backup_selection", sel, map[string]any{"name": sel, "resources": []any{}, "selection_tag": tag}, nil)}
	case 3:
		return []map[string]any{fs, managed("aws_backup_selection", sel, map[string]any{"name": sel, "resources": []any{arn}}, nil)}
	case 4:
		s := managed("aws_backup_selection", sel, map[string]any{"name": sel}, byRef)
		s["unknown"] = []any{"not_resources"}
		return []map[string]any{fs, s}
	}
	return []map[string]any{fs}
}

// executionLoggingUnit is a REST API's stage, all named "prod" (so the
// stage names join every stage to every method settings), and its method
// settings by reference: logging errors, leaving logging off, or none.
func executionLoggingUnit(i int) []map[string]any {
	api := fmt.Sprintf("aws_api_gateway_rest_api.api%d", i)
	stage := managed("aws_api_gateway_stage", fmt.Sprintf("prod%d", i), map[string]any{"stage_name": "prod"}, map[string]any{"rest_api_id": []any{api}})
	if i%3 == 2 {
		return []map[string]any{stage}
	}
	level := "ERROR"
	if i%3 == 1 {
		level = "OFF"
	}
	settings := managed("aws_api_gateway_method_settings", fmt.Sprintf("all%d", i), map[string]any{
		"stage_name": "prod", "method_path": "*/*", "settings": []any{map[string]any{"logging_level": level}},
	}, map[string]any{"stage_name": []any{stage["config_address"]}, "rest_api_id": []any{api}})
	return []map[string]any{stage, settings}
}

// defaultSecurityGroupUnit is a VPC whose id is unknown until apply and its
// default group, with vpc_id referencing it (unknown until apply, so the
// rule asks whether it points at a VPC of the input); or such a VPC alone,
// or a default VPC (one a region) without its default group (findings:
// the rule asks of each default VPC whether some group leaves vpc_id out).
func defaultSecurityGroupUnit(i int) []map[string]any {
	if i%3 == 2 {
		return []map[string]any{managed("aws_default_vpc", fmt.Sprintf("region%d", i), map[string]any{"id": fmt.Sprintf("vpc-%d", i)}, nil)}
	}
	vpc := managed("aws_vpc", fmt.Sprintf("vpc%d", i), map[string]any{"cidr_block": "10.0.0.0/16"}, nil)
	vpc["unknown"] = []any{"id"}
	if i%3 == 1 {
		return []map[string]any{vpc}
	}
	sg := managed("aws_default_security_group", fmt.Sprintf("default%d", i), map[string]any{"ingress": []any{}, "egress": []any{}}, map[string]any{"vpc_id": []any{vpc["config_address"]}})
	sg["unknown"] = []any{"vpc_id"}
	return []map[string]any{vpc, sg}
}

// replicationUnit is a bucket tagged confidential and, but for one unit in
// three (a finding), a replication configuration whose enabled rule names
// it as its destination, by reference or by ARN.
func replicationUnit(i int) []map[string]any {
	name := fmt.Sprintf("data%d", i)
	arn := "arn:aws:s3:::" + name
	b := managed("aws_s3_bucket", name, map[string]any{"bucket": name, "arn": arn, "tags": map[string]any{"DataClassification": "Confidential"}}, nil)
	if i%3 == 2 {
		return []map[string]any{b}
	}
	values := map[string]any{"rule": []any{map[string]any{"status": "Enabled", "destination": []any{map[string]any{"bucket": arn}}}}}
	var refs map[string]any
	if i%3 == 0 {
		values["rule"] = []any{map[string]any{"status": "Enabled", "destination": []any{map[string]any{}}}}
		refs = map[string]any{"rule.destination.bucket": []any{b["config_address"]}}
	}
	return []map[string]any{b, managed("aws_s3_bucket_replication_configuration", "to"+name, values, refs)}
}
