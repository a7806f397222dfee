package view

import (
	"reflect"
	"slices"
	"testing"
)

// TestElastiCacheMembers: a cache cluster that a replication group takes
// in as its PrimaryClusterId (by Ref or by its literal ClusterName) refers
// to that group by replication_group_id, unknown as a reference is; a
// standalone cluster names no group. Flags and numbers written as strings
// are converted.
func TestElastiCacheMembers(t *testing.T) {
	rs := viewOf(t, `Resources:
  ByRef:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {Engine: redis, NumCacheNodes: 1}
  ByName:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {Engine: redis, ClusterName: primary-b, NumCacheNodes: 1}
  Alone:
    Type: AWS::ElastiCache::CacheCluster
    Properties: {Engine: Redis, ClusterName: alone, NumCacheNodes: 1}
  GroupA:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: {ReplicationGroupDescription: a, PrimaryClusterId: !Ref ByRef}
  GroupB:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: b
      PrimaryClusterId: primary-b
      AtRestEncryptionEnabled: "false"
      SnapshotRetentionLimit: "5"
`)
	for id, group := range map[string]string{"ByRef": "GroupA", "ByName": "GroupB"} {
		c := rs[id]
		if c.Type != "aws_elasticache_cluster" || !slices.Contains(c.Unknown, "replication_group_id") ||
			!reflect.DeepEqual(c.Refs["replication_group_id"], []string{group}) {
			t.Errorf("%s: type %s, unknown %v, refs %v; want a member of %s", id, c.Type, c.Unknown, c.Refs, group)
		}
	}
	alone := rs["Alone"]
	if _, ok := alone.Refs["replication_group_id"]; ok || slices.Contains(alone.Unknown, "replication_group_id") || alone.Values["engine"] != "redis" {
		t.Errorf("Alone: %+v; want a standalone redis cluster", alone)
	}
	g := rs["GroupB"].Values
	if g["at_rest_encryption_enabled"] != false || g["snapshot_retention_limit"] != int64(5) {
		t.Errorf("GroupB values %v", g)
	}
}
