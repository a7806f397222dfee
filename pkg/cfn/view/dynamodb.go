package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::DynamoDB::Table":       dynamoTable,
		"AWS::DAX::Cluster":          daxCluster,
		"AWS::DynamoDB::GlobalTable": dynamoGlobalTable,
	})
}

// dynamoTable is an aws_dynamodb_table (a SAM SimpleTable too, expanded by
// the transform). The defaults agree with Terraform's: without
// PointInTimeRecoverySpecification recovery is off; without SSEEnabled the
// table is encrypted with an AWS owned key; SSEEnabled without
// KMSMasterKeyId uses the AWS managed key aws/dynamodb.
func dynamoTable(v *View, src *cfn.Resource) {
	t := v.Main(src, "aws_dynamodb_table")
	t.Set("name", "TableName")
	t.Set("billing_mode", "BillingMode")
	t.Tags("tags", "Tags")
	dynamoBlock(t, "point_in_time_recovery.0.enabled", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")
	dynamoBlock(t, "server_side_encryption.0.enabled", "SSESpecification", "SSEEnabled")
	if !t.Unknown("SSESpecification") {
		t.Set("server_side_encryption.0.kms_key_arn", "SSESpecification.KMSMasterKeyId")
	}
}

// dynamoGlobalTable is one aws_dynamodb_table per replica, as the table
// is in each replica's region: encrypted as the global table's
// SSESpecification says, with the replica's own key, point-in-time
// recovery and tags (AWS::DynamoDB::GlobalTable reference: SSEEnabled left
// out is an AWS owned key; a replica without KMSMasterKeyId uses the AWS
// managed key). Each replica's address is the global table's logical id
// followed by its place in Replicas.
func dynamoGlobalTable(v *View, src *cfn.Resource) {
	const replicas = "Replicas"
	if unknownProp(src, replicas) {
		t := v.add(src, "aws_dynamodb_table", replicas)
		dynamoReplica(t, "")
		t.UnknownAttr("point_in_time_recovery.0.enabled", replicas)
		t.UnknownAttr("server_side_encryption.0.kms_key_arn", replicas)
		return
	}
	list, _ := cfn.Lookup(src.Properties, replicas)
	items, _ := list.([]any)
	if len(items) == 0 {
		// No replica (Replicas left out, empty or not a list: a template
		// CloudFormation refuses): kept as written, so that the input is
		// not counted as checked for a table that is not in the view.
		v.native(src)
		return
	}
	for i := range items {
		item := replicas + "." + strconv.Itoa(i)
		t := v.add(src, "aws_dynamodb_table", item)
		dynamoReplica(t, item)
	}
}

// dynamoReplica writes the table of the replica at item ("" when the
// replicas are unknown as a whole).
func dynamoReplica(t *Res, item string) {
	t.Set("name", "TableName")
	t.Set("billing_mode", "BillingMode")
	dynamoBlock(t, "server_side_encryption.0.enabled", "SSESpecification", "SSEEnabled")
	if item == "" {
		return
	}
	t.Set("region", item+".Region")
	t.Tags("tags", item+".Tags")
	dynamoBlock(t, "point_in_time_recovery.0.enabled", item+".PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")
	if t.Unknown(item + ".SSESpecification") {
		t.UnknownAttr("server_side_encryption.0.kms_key_arn", item+".SSESpecification")
	} else {
		t.Set("server_side_encryption.0.kms_key_arn", item+".SSESpecification.KMSMasterKeyId")
	}
}

// daxCluster is an aws_dax_cluster; without SSESpecification its cache is
// not encrypted, as in Terraform.
func daxCluster(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_dax_cluster")
	c.Set("cluster_name", "ClusterName")
	c.Set("cluster_endpoint_encryption_type", "ClusterEndpointEncryptionType")
	c.Tags("tags", "Tags")
	dynamoBlock(c, "server_side_encryption.0.enabled", "SSESpecification", "SSEEnabled")
}

// dynamoBlock writes the Boolean flag of the property object block to
// attr; an object the deployment decides as a whole leaves attr unknown.
func dynamoBlock(r *Res, attr, block, flag string) {
	if r.Unknown(block) {
		r.UnknownAttr(attr, block)
		return
	}
	r.SetFunc(attr, block+"."+flag, Bool)
}
