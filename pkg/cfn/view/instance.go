package view

import (
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{"AWS::EC2::Instance": ec2Instance})
}

// rootDevices are the device names AMIs give their root volume.
var rootDevices = map[string]bool{"/dev/xvda": true, "/dev/sda1": true, "/dev/sda": true, "/dev/nvme0n1": true}

// ec2Instance is an aws_instance. What the AMI, the launch template or the
// account's defaults decide is unknown, as a plan shows it: the instance
// metadata options (CloudFormation sets them only through a launch
// template), a root volume the template does not map, and the encryption
// of a volume that leaves Encrypted out.
func ec2Instance(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_instance")
	r.Set("ami", "ImageId")
	r.Set("instance_type", "InstanceType")
	r.Set("subnet_id", "SubnetId")
	r.Set("iam_instance_profile", "IamInstanceProfile")
	r.SetFunc("monitoring", "Monitoring", Bool)
	r.SetFunc("ebs_optimized", "EbsOptimized", Bool)
	r.Tags("tags", "Tags")
	r.UnknownAttr("metadata_options", "MetadataOptions")
	if r.Has("UserData") || r.Unknown("UserData") {
		r.from("user_data_base64", "UserData")
		if text, ok := src.RenderNames("UserData"); ok {
			r.put("user_data_base64", text)
		} else {
			r.unknown("user_data_base64")
		}
	}
	for i := range r.Len("NetworkInterfaces") {
		nic := "NetworkInterfaces." + strconv.Itoa(i)
		if idx, _ := r.Get(nic + ".DeviceIndex"); strings.TrimSpace(textOf(idx)) == "0" {
			r.SetFunc("associate_public_ip_address", nic+".AssociatePublicIpAddress", Bool)
		}
	}
	root, ebs := false, 0
	for i := range r.Len("BlockDeviceMappings") {
		from := "BlockDeviceMappings." + strconv.Itoa(i)
		if !r.Has(from + ".Ebs") {
			continue // an instance store or a suppressed device
		}
		name, _ := r.Get(from + ".DeviceName")
		block := "ebs_block_device." + strconv.Itoa(ebs)
		if rootDevices[textOf(name)] && !root {
			block, root = "root_block_device.0", true
		} else {
			ebs++
		}
		if rootDevices[textOf(name)] || !strings.HasPrefix(block, "root") {
			r.Set(block+".device_name", from+".DeviceName")
		}
		if r.Has(from+".Ebs.Encrypted") || r.Unknown(from+".Ebs.Encrypted") {
			r.SetFunc(block+".encrypted", from+".Ebs.Encrypted", Bool)
		} else {
			r.UnknownAttr(block+".encrypted", from+".Ebs") // the account's default decides
		}
		r.Set(block+".kms_key_id", from+".Ebs.KmsKeyId")
		r.Set(block+".snapshot_id", from+".Ebs.SnapshotId")
		r.SetFunc(block+".volume_size", from+".Ebs.VolumeSize", Number)
	}
	if !root {
		r.UnknownAttr("root_block_device", "BlockDeviceMappings") // the AMI's mapping
	}
}

func textOf(v any) string {
	s, _ := text(v)
	return s
}
