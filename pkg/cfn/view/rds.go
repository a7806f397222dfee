package view

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::RDS::DBInstance": rdsInstance,
		"AWS::RDS::DBCluster":  rdsCluster,
	})
}

// rdsInstance is an aws_db_instance, or, when it names its Aurora cluster
// (DBClusterIdentifier), an aws_rds_cluster_instance: the cluster then
// holds storage, backups, logs and authentication, as in Terraform.
func rdsInstance(v *View, src *cfn.Resource) {
	typ := "aws_db_instance"
	member := false
	if _, ok := src.Lines["DBClusterIdentifier"]; ok {
		typ, member = "aws_rds_cluster_instance", true
	}
	db := v.Main(src, typ)
	db.Set("identifier", "DBInstanceIdentifier")
	db.SetFunc("engine", "Engine", rdsLower)
	db.Set("engine_version", "EngineVersion")
	db.Set("instance_class", "DBInstanceClass")
	db.Set("db_subnet_group_name", "DBSubnetGroupName")
	db.SetFunc("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", Bool)
	db.Tags("tags", "Tags")
	rdsPublic(v, db)
	// Left out, Performance Insights is off and, when on, uses aws/rds, as
	// in Terraform.
	db.SetFunc("performance_insights_enabled", "EnablePerformanceInsights", Bool)
	db.Set("performance_insights_kms_key_id", "PerformanceInsightsKMSKeyId")
	if member {
		db.Set("cluster_identifier", "DBClusterIdentifier")
		return
	}
	// A read replica (of an instance or of a Multi-AZ cluster) inherits
	// its source's encryption and backups: replicate_source_db, as in
	// Terraform. The same SourceDBInstanceIdentifier with a restore time
	// is a point-in-time restore instead, not a replica.
	restore := db.Has("UseLatestRestorableTime") || db.Has("RestoreTime") || db.Has("SourceDbiResourceId")
	if !restore {
		db.Set("replicate_source_db", "SourceDBInstanceIdentifier")
		db.Set("replicate_source_db", "SourceDBClusterIdentifier")
	}
	db.Set("snapshot_identifier", "DBSnapshotIdentifier")
	rdsEncryption(db, "DBSnapshotIdentifier", "SourceDBInstanceIdentifier", "SourceDBInstanceAutomatedBackupsArn")
	db.Set("kms_key_id", "KmsKeyId")
	db.SetFunc("backup_retention_period", "BackupRetentionPeriod", Number) // default 1, as the rule assumes
	db.SetFunc("deletion_protection", "DeletionProtection", Bool)
	db.SetFunc("multi_az", "MultiAZ", Bool)
	db.SetFunc("iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication", Bool)
	rdsList(db, "enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports")
}

// rdsCluster is an aws_rds_cluster (Aurora or Multi-AZ DB cluster).
func rdsCluster(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_rds_cluster")
	c.Set("cluster_identifier", "DBClusterIdentifier")
	c.SetFunc("engine", "Engine", rdsLower)
	c.Set("engine_mode", "EngineMode")
	c.Set("engine_version", "EngineVersion")
	c.Set("db_subnet_group_name", "DBSubnetGroupName")
	c.Set("snapshot_identifier", "SnapshotIdentifier")
	c.Set("replication_source_identifier", "ReplicationSourceIdentifier")
	c.Tags("tags", "Tags")
	restored := rdsEncryption(c, "SnapshotIdentifier", "SourceDBClusterIdentifier")
	if !restored && !c.Writes("StorageEncrypted") && !c.Unknown("Engine") {
		// Aurora encrypts every cluster created since 18 February 2026
		// (with an AWS owned key when none is named: Aurora User Guide,
		// "Encrypting Amazon Aurora resources"); a Multi-AZ DB cluster
		// does not.
		if e, _ := c.Get("Engine"); strings.HasPrefix(strings.ToLower(rdsString(e)), "aurora") {
			c.Value("storage_encrypted", "StorageEncrypted", true)
		}
	}
	c.Set("kms_key_id", "KmsKeyId")
	c.SetFunc("backup_retention_period", "BackupRetentionPeriod", Number) // default 1, as the rule assumes
	c.SetFunc("deletion_protection", "DeletionProtection", Bool)
	c.SetFunc("iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication", Bool)
	rdsList(c, "enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports")
}

// rdsEncryption writes storage_encrypted. A database restored from a
// snapshot or from another database (the properties from) takes the
// source's encryption when StorageEncrypted is left out: unknown, as the
// source is not in the template. It tells whether db is such a restore.
func rdsEncryption(db *Res, from ...string) bool {
	db.SetFunc("storage_encrypted", "StorageEncrypted", Bool)
	for _, p := range from {
		if db.Writes(p) {
			if !db.Writes("StorageEncrypted") {
				db.UnknownAttr("storage_encrypted", p)
			}
			return true
		}
	}
	return false
}

// rdsPublic writes publicly_accessible. Left out, RDS decides it from the
// VPC (CreateDBInstance, PubliclyAccessible): public when the VPC of the
// DB subnet group, or the account's default VPC without a subnet group,
// has an internet gateway attached, private otherwise. Terraform always
// sends false; CloudFormation sends nothing. The template answers when
// its own subnet group, subnets, VPC and gateway attachments say it;
// otherwise the value is unknown.
func rdsPublic(v *View, db *Res) {
	const prop = "PubliclyAccessible"
	if db.Writes(prop) {
		db.SetFunc("publicly_accessible", prop, Bool)
		return
	}
	group := db.src
	if !db.Writes("DBSubnetGroupName") {
		// An Aurora member is placed in its cluster's subnet group.
		if c := rdsTarget(v, db.src, "DBClusterIdentifier", "AWS::RDS::DBCluster"); c != nil {
			group = c
		}
	}
	if public, ok := rdsVPCPublic(v, group); ok {
		db.Value("publicly_accessible", prop, public)
		return
	}
	db.UnknownAttr("publicly_accessible", prop)
}

// rdsVPCPublic tells whether the VPC that db (an instance or cluster) is
// placed in has an internet gateway; ok is false when the template does
// not show that VPC.
func rdsVPCPublic(v *View, db *cfn.Resource) (public, ok bool) {
	group := rdsTarget(v, db, "DBSubnetGroupName", "AWS::RDS::DBSubnetGroup")
	if group == nil {
		return false, false // the default VPC, or a subnet group the template does not hold
	}
	subnets, _ := group.Properties["SubnetIds"].([]any)
	if rdsUnknown(group, "SubnetIds") && len(subnets) == 0 {
		return false, false
	}
	var vpcs []string
	for i := range subnets {
		p := "SubnetIds." + strconv.Itoa(i)
		subnet := rdsTarget(v, group, p, "AWS::EC2::Subnet")
		if subnet == nil {
			return false, false // a subnet given by id or parameter
		}
		vpc := rdsTarget(v, subnet, "VpcId", "AWS::EC2::VPC")
		if vpc == nil {
			return false, false
		}
		vpcs = append(vpcs, vpc.ID)
	}
	if len(vpcs) == 0 {
		return false, false
	}
	for _, r := range v.tmpl.Resources {
		if _, igw := r.Lines["InternetGatewayId"]; r.Type != "AWS::EC2::VPCGatewayAttachment" || !igw {
			continue
		}
		for _, vpc := range vpcs {
			if rdsRefersTo(&r, "VpcId", vpc) {
				if r.ConditionUnknown {
					return false, false
				}
				return true, true
			}
		}
	}
	return false, true
}

// rdsTarget is the resource of type typ that property prop of src refers
// to (a Ref or GetAtt), nil when prop names something else.
func rdsTarget(v *View, src *cfn.Resource, prop, typ string) *cfn.Resource {
	ids := src.Refs[prop]
	if len(ids) != 1 {
		return nil
	}
	for i := range v.tmpl.Resources {
		if r := &v.tmpl.Resources[i]; r.ID == ids[0] && r.Type == typ {
			return r
		}
	}
	return nil
}

func rdsRefersTo(src *cfn.Resource, prop, id string) bool {
	return slices.Contains(src.Refs[prop], id)
}

func rdsUnknown(src *cfn.Resource, prop string) bool {
	return slices.Contains(src.Unknown, prop)
}

// rdsList writes the list property prop to attr; a list with an item the
// deployment decides is unknown as a whole.
func rdsList(r *Res, attr, prop string) {
	for _, u := range r.src.Unknown {
		if strings.HasPrefix(u, prop+".") {
			r.UnknownAttr(attr, prop)
			return
		}
	}
	r.Set(attr, prop)
}

// rdsLower writes an engine name in lower case: RDS accepts "MySQL".
func rdsLower(v any) (any, bool) {
	if s, ok := v.(string); ok {
		return strings.ToLower(s), true
	}
	return v, true
}

func rdsString(v any) string {
	s, _ := v.(string)
	return s
}
