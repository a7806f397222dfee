package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::DMS::ReplicationInstance": dmsReplicationInstance,
	})
}

// dmsReplicationInstance is an aws_dms_replication_instance. Terraform's
// provider always sends AutoMinorVersionUpgrade and PubliclyAccessible
// (false unless set); CloudFormation sends what the template says, and
// CreateReplicationInstance (AWS DMS API Reference) then applies its own
// defaults: AutoMinorVersionUpgrade "Default: true", and
// PubliclyAccessible "The default value is true". The view writes those.
func dmsReplicationInstance(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_dms_replication_instance")
	r.Set("replication_instance_id", "ReplicationInstanceIdentifier")
	r.Set("replication_instance_class", "ReplicationInstanceClass")
	r.Set("engine_version", "EngineVersion")
	r.Set("kms_key_arn", "KmsKeyId")
	r.SetFunc("multi_az", "MultiAZ", Bool)
	r.Set("replication_subnet_group_id", "ReplicationSubnetGroupIdentifier")
	r.Set("vpc_security_group_ids", "VpcSecurityGroupIds")
	r.Tags("tags", "Tags")
	r.SetOr("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", Bool, true, "AutoMinorVersionUpgrade")
	r.SetOr("publicly_accessible", "PubliclyAccessible", Bool, true, "PubliclyAccessible")
}
