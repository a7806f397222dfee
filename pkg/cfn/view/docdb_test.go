package view

import (
	"reflect"
	"slices"
	"testing"
)

// TestDocDBNeptune: each engine writes its own name of the exported-logs
// list; a cluster restored from a snapshot, without StorageEncrypted, is
// unknown, while one created afresh is left to the API's default (no
// encryption), which the rule reads as false.
func TestDocDBNeptune(t *testing.T) {
	rs := viewOf(t, `Resources:
  Documents:
    Type: AWS::DocDB::DBCluster
    Properties: {EnableCloudwatchLogsExports: [audit], BackupRetentionPeriod: "7"}
  Graph:
    Type: AWS::Neptune::DBCluster
    Properties: {EnableCloudwatchLogsExports: [audit], SnapshotIdentifier: nightly}
`)
	d, g := rs["Documents"], rs["Graph"]
	if d.Type != "aws_docdb_cluster" || !reflect.DeepEqual(d.Values["enabled_cloudwatch_logs_exports"], []any{"audit"}) || d.Values["backup_retention_period"] != int64(7) {
		t.Errorf("Documents: %s %v", d.Type, d.Values)
	}
	if g.Type != "aws_neptune_cluster" || !reflect.DeepEqual(g.Values["enable_cloudwatch_logs_exports"], []any{"audit"}) {
		t.Errorf("Graph: %s %v", g.Type, g.Values)
	}
	if slices.Contains(d.Unknown, "storage_encrypted") || !slices.Contains(g.Unknown, "storage_encrypted") {
		t.Errorf("storage_encrypted unknown: Documents %v, Graph %v; want only the restore", d.Unknown, g.Unknown)
	}
}
