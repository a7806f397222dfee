package view

import "github.com/tenet-dev/tenet/pkg/cfn"

func init() {
	register(map[string]mapping{
		"AWS::EFS::FileSystem": efsFileSystem,
	})
}

// efsFileSystem is an aws_efs_file_system. Without Encrypted the EFS API
// creates an unencrypted file system, as the rule assumes.
func efsFileSystem(v *View, src *cfn.Resource) {
	fs := v.Main(src, "aws_efs_file_system")
	fs.SetFunc("encrypted", "Encrypted", Bool)
	fs.Set("kms_key_id", "KmsKeyId")
	fs.Set("performance_mode", "PerformanceMode")
	fs.Tags("tags", "FileSystemTags")
}
