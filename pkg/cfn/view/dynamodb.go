package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::DynamoDB::Table": dynamoTable,
		"AWS::DAX::Cluster":    daxCluster,
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
