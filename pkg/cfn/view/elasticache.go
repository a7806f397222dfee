package view

import (
	"slices"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::ElastiCache::ReplicationGroup": elasticacheReplicationGroup,
		"AWS::ElastiCache::CacheCluster":     elasticacheCluster,
	})
}

// elasticacheReplicationGroup is an aws_elasticache_replication_group.
// Left out, each setting the rules read takes the CreateReplicationGroup
// default (ElastiCache API Reference), which is Terraform's too:
// TransitEncryptionEnabled and AutomaticFailoverEnabled false,
// SnapshotRetentionLimit 0 ("automatic backups are disabled"), and
// AtRestEncryptionEnabled decided by the engine (the rule reads the
// engine when the flag is left out).
func elasticacheReplicationGroup(v *View, src *cfn.Resource) {
	g := v.Main(src, "aws_elasticache_replication_group")
	g.Set("replication_group_id", "ReplicationGroupId")
	g.Set("description", "ReplicationGroupDescription")
	g.SetFunc("engine", "Engine", rdsLower)
	g.Set("engine_version", "EngineVersion")
	g.Set("node_type", "CacheNodeType")
	g.Set("global_replication_group_id", "GlobalReplicationGroupId")
	g.SetFunc("at_rest_encryption_enabled", "AtRestEncryptionEnabled", Bool)
	g.Set("kms_key_id", "KmsKeyId")
	g.SetFunc("transit_encryption_enabled", "TransitEncryptionEnabled", Bool)
	g.Set("transit_encryption_mode", "TransitEncryptionMode")
	g.SetFunc("automatic_failover_enabled", "AutomaticFailoverEnabled", Bool)
	g.SetFunc("multi_az_enabled", "MultiAZEnabled", Bool)
	g.SetFunc("num_cache_clusters", "NumCacheClusters", Number)
	g.SetFunc("num_node_groups", "NumNodeGroups", Number)
	g.SetFunc("replicas_per_node_group", "ReplicasPerNodeGroup", Number)
	g.SetFunc("snapshot_retention_limit", "SnapshotRetentionLimit", Number)
	g.Set("snapshot_window", "SnapshotWindow")
	g.Set("subnet_group_name", "CacheSubnetGroupName")
	g.Set("security_group_ids", "SecurityGroupIds")
	g.SetFunc("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", Bool)
	g.Tags("tags", "Tags")
}

// elasticacheCluster is an aws_elasticache_cluster. CloudFormation has no
// property that puts a cache cluster in a replication group; a group that
// names the cluster as its PrimaryClusterId (by Ref or by the cluster's
// literal ClusterName) takes it in, and the cluster then refers to that
// group by replication_group_id, as in Terraform, where the group holds
// the settings. SnapshotRetentionLimit left out is 0 (CreateCacheCluster:
// "automatic backups are disabled for this cache cluster"), as in
// Terraform.
func elasticacheCluster(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_elasticache_cluster")
	c.Set("cluster_id", "ClusterName")
	c.SetFunc("engine", "Engine", rdsLower)
	c.Set("engine_version", "EngineVersion")
	c.Set("node_type", "CacheNodeType")
	c.SetFunc("num_cache_nodes", "NumCacheNodes", Number)
	c.SetFunc("snapshot_retention_limit", "SnapshotRetentionLimit", Number)
	c.Set("snapshot_window", "SnapshotWindow")
	c.Set("subnet_group_name", "CacheSubnetGroupName")
	c.Set("security_group_ids", "VpcSecurityGroupIds")
	c.SetFunc("transit_encryption_enabled", "TransitEncryptionEnabled", Bool)
	c.SetFunc("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", Bool)
	c.Tags("tags", "Tags")
	name, _ := src.Properties["ClusterName"].(string)
	for i := range v.tmpl.Resources {
		g := &v.tmpl.Resources[i]
		if g.Type != "AWS::ElastiCache::ReplicationGroup" {
			continue
		}
		primary, _ := g.Properties["PrimaryClusterId"].(string)
		if slices.Contains(g.Refs["PrimaryClusterId"], src.ID) || name != "" && primary == name {
			const attr = "replication_group_id"
			c.ref(attr, g.ID)
			c.unknown(attr)
			c.configured[attr] = true
		}
	}
}
