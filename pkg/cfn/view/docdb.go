package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::DocDB::DBCluster":   docdbCluster("aws_docdb_cluster", "enabled_cloudwatch_logs_exports"),
		"AWS::Neptune::DBCluster": docdbCluster("aws_neptune_cluster", "enable_cloudwatch_logs_exports"),
	})
}

// docdbCluster maps a cluster to an aws_docdb_cluster or aws_neptune_cluster (typ),
// whose list of exported logs is attribute logs. The properties left out
// take the CreateDBCluster defaults of either API, which are Terraform's
// too: BackupRetentionPeriod 1, DeletionProtection false (Neptune API
// Reference: "deletion protection is disabled by default" through the
// API; only the console turns it on), and no storage encryption
// (DocumentDB Developer Guide, "Encrypting Amazon DocumentDB data at
// rest": clusters created through the API or CLI are unencrypted unless
// StorageEncrypted is set; the console's default differs). A cluster
// restored from a snapshot or from another cluster takes the source's
// encryption when StorageEncrypted is left out: unknown, as for RDS.
func docdbCluster(typ, logs string) mapping {
	return func(v *View, src *cfn.Resource) {
		c := v.Main(src, typ)
		c.Set("cluster_identifier", "DBClusterIdentifier")
		c.Set("engine_version", "EngineVersion")
		c.Set("db_subnet_group_name", "DBSubnetGroupName")
		c.Set("snapshot_identifier", "SnapshotIdentifier")
		c.Tags("tags", "Tags")
		rdsEncryption(c, "SnapshotIdentifier", "SourceDBClusterIdentifier")
		c.Set("kms_key_id", "KmsKeyId")
		c.SetFunc("backup_retention_period", "BackupRetentionPeriod", Number)
		c.SetFunc("deletion_protection", "DeletionProtection", Bool)
		rdsList(c, logs, "EnableCloudwatchLogsExports")
	}
}
