package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::EFS::FileSystem":         efsFileSystem,
		"AWS::EFS::AccessPoint":        efsAccessPoint,
		"AWS::Backup::BackupSelection": backupSelection,
	})
}

// efsFileSystem is an aws_efs_file_system. Without Encrypted the EFS API
// creates an unencrypted file system, as the rule assumes. Its
// BackupPolicy is an aws_efs_backup_policy, as Terraform writes it apart;
// left out, automatic backups are off for a file system that
// CloudFormation (the EFS API) creates, as for one without a policy in
// Terraform (EFS User Guide, "Automatic backups").
func efsFileSystem(v *View, src *cfn.Resource) {
	fs := v.Main(src, "aws_efs_file_system")
	fs.SetFunc("encrypted", "Encrypted", Bool)
	fs.Set("kms_key_id", "KmsKeyId")
	fs.Set("performance_mode", "PerformanceMode")
	fs.Tags("tags", "FileSystemTags")
	if fs.Writes("BackupPolicy") {
		p := v.Part(src, "aws_efs_backup_policy", "BackupPolicy", fs, "file_system_id")
		p.Set("backup_policy.0.status", "BackupPolicy.Status")
		if p.Unknown("BackupPolicy") {
			p.UnknownAttr("backup_policy.0.status", "BackupPolicy")
		}
	}
}

// efsAccessPoint is an aws_efs_access_point: the directory it exposes and
// the POSIX user it enforces. Left out, the root directory is "/", as in
// Terraform.
func efsAccessPoint(v *View, src *cfn.Resource) {
	a := v.Main(src, "aws_efs_access_point")
	a.Set("file_system_id", "FileSystemId")
	a.Set("root_directory.0.path", "RootDirectory.Path")
	if a.Unknown("RootDirectory") {
		a.UnknownAttr("root_directory.0.path", "RootDirectory")
	}
	const user = "PosixUser"
	switch {
	case a.Unknown(user):
		a.UnknownAttr("posix_user", user)
	case a.Has(user):
		a.put("posix_user.0", map[string]any{})
		ec2Line(a, "posix_user", user)
		a.SetFunc("posix_user.0.uid", user+".Uid", Number)
		a.SetFunc("posix_user.0.gid", user+".Gid", Number)
	}
	a.Tags("tags", "AccessPointTags")
}

// backupSelection is an aws_backup_selection: the resources it selects by
// ARN (a !GetAtt of a file system refers to it), by tag (ListOfTags) and
// by condition.
func backupSelection(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_backup_selection")
	const sel = "BackupSelection"
	s.Set("plan_id", "BackupPlanId")
	s.Set("name", sel+".SelectionName")
	s.Set("iam_role_arn", sel+".IamRoleArn")
	if s.Unknown(sel) {
		for _, a := range []string{"resources", "selection_tag", "condition"} {
			s.UnknownAttr(a, sel)
		}
		return
	}
	s.Set("resources", sel+".Resources")
	s.Set("not_resources", sel+".NotResources")
	const tags = sel + ".ListOfTags"
	if s.Unknown(tags) {
		s.UnknownAttr("selection_tag", tags)
	}
	for i := range s.Len(tags) {
		from, to := tags+"."+strconv.Itoa(i), "selection_tag."+strconv.Itoa(i)
		s.Set(to+".type", from+".ConditionType")
		s.Set(to+".key", from+".ConditionKey")
		s.Set(to+".value", from+".ConditionValue")
	}
	// Conditions: {StringEquals: [{ConditionKey, ConditionValue}], ...}
	// is Terraform's condition block {string_equals: [{key, value}], ...}.
	const conds = sel + ".Conditions"
	if s.Unknown(conds) {
		s.UnknownAttr("condition", conds)
	}
	c, _ := s.Get(conds)
	m, _ := c.(map[string]any)
	for op := range m {
		name, known := backupConditions[op]
		if !known {
			continue
		}
		from := conds + "." + op
		to := "condition.0." + name
		for i := range s.Len(from) {
			s.Set(to+"."+strconv.Itoa(i)+".key", from+"."+strconv.Itoa(i)+".ConditionKey")
			s.Set(to+"."+strconv.Itoa(i)+".value", from+"."+strconv.Itoa(i)+".ConditionValue")
		}
	}
}

// backupConditions are Terraform's names of a selection's condition
// operators.
var backupConditions = map[string]string{
	"StringEquals":    "string_equals",
	"StringLike":      "string_like",
	"StringNotEquals": "string_not_equals",
	"StringNotLike":   "string_not_like",
}
