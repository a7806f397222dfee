package view

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::EC2::Instance":                    ec2Instance,
		"AWS::EC2::LaunchTemplate":              ec2LaunchTemplate,
		"AWS::AutoScaling::LaunchConfiguration": ec2LaunchConfiguration,
		"AWS::EC2::Volume":                      ec2Volume,
	})
}

// ec2RootDevices are the device names AMIs give their root volume
// (/dev/xvda on Amazon Linux, /dev/sda1 on Ubuntu and Windows): a
// mapping of one of them replaces the AMI's root device. Any other
// mapping adds a volume.
var ec2RootDevices = []string{"/dev/xvda", "/dev/sda1", "xvda", "sda1"}

// ec2Instance is an aws_instance.
func ec2Instance(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_instance")
	r.Tags("tags", "Tags")
	r.SetFunc("monitoring", "Monitoring", Bool)
	r.UserData("user_data", "UserData")
	ec2Metadata(r, "MetadataOptions")
	ec2Devices(r, "BlockDeviceMappings")
	// The instance's own interfaces decide its public address; the
	// first one that says so is the instance's associate_public_ip_address.
	for i := range r.Len("NetworkInterfaces") {
		p := "NetworkInterfaces." + strconv.Itoa(i) + ".AssociatePublicIpAddress"
		if r.Writes(p) {
			r.SetFunc("associate_public_ip_address", p, Bool)
			break
		}
	}
	// The subnet: the instance's, else its interfaces' or its launch
	// template's (which the view does not follow: left unwritten), else a
	// default subnet that AWS chooses.
	switch nics, lt := "NetworkInterfaces", "LaunchTemplate"; {
	case r.Writes(nics):
		r.UnknownAttr("network_interface", nics)
	case r.Writes(lt):
		r.UnknownAttr("launch_template", lt)
	default:
		vpcLeftToAWS(r, "subnet_id", "SubnetId")
	}
	switch {
	case r.Writes("IamInstanceProfile"):
		r.Set("iam_instance_profile", "IamInstanceProfile")
	case r.Writes("LaunchTemplate"):
		ec2ProfileFromTemplate(v, r)
	}
}

// ec2ProfileFromTemplate writes the profile an instance takes from its
// launch template. A launch template of the same template that names a
// profile gives it (unknown, pointing at the template, as a reference
// is); one that names none gives none; one from outside the template
// (a parameter, an import) may give one: unknown.
func ec2ProfileFromTemplate(v *View, r *Res) {
	for _, p := range []string{"LaunchTemplate.LaunchTemplateId", "LaunchTemplate.LaunchTemplateName"} {
		for _, id := range r.src.Refs[p] {
			lt := ec2Resource(v, id)
			if lt == nil || lt.Type != "AWS::EC2::LaunchTemplate" {
				continue
			}
			if !ec2Writes(lt, "LaunchTemplateData.IamInstanceProfile") {
				return
			}
		}
	}
	r.UnknownAttr("iam_instance_profile", "LaunchTemplate")
}

// ec2Writes tells whether src writes property prop, known or not.
func ec2Writes(src *cfn.Resource, prop string) bool {
	if _, ok := src.Lines[prop]; ok {
		return true
	}
	return slices.ContainsFunc(src.Unknown, func(u string) bool {
		return u == prop || strings.HasPrefix(prop, u+".")
	})
}

// ec2Resource is the resource of the template with logical id id (a
// View helper that may belong in view.go).
func ec2Resource(v *View, id string) *cfn.Resource {
	for i := range v.tmpl.Resources {
		if v.tmpl.Resources[i].ID == id {
			return &v.tmpl.Resources[i]
		}
	}
	return nil
}

// ec2LaunchTemplate is an aws_launch_template.
func ec2LaunchTemplate(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_launch_template")
	r.Set("name", "LaunchTemplateName")
	const data = "LaunchTemplateData"
	if r.Unknown(data) {
		for _, attr := range []string{"user_data", "metadata_options", "block_device_mappings", "network_interfaces", "iam_instance_profile"} {
			r.UnknownAttr(attr, data)
		}
		return
	}
	r.UserData("user_data", data+".UserData")
	ec2Metadata(r, data+".MetadataOptions")
	r.Set("iam_instance_profile.0.arn", data+".IamInstanceProfile.Arn")
	r.Set("iam_instance_profile.0.name", data+".IamInstanceProfile.Name")

	const nics = data + ".NetworkInterfaces"
	if r.Unknown(nics) {
		r.UnknownAttr("network_interfaces", nics)
	}
	for i := range r.Len(nics) {
		nic, from := "network_interfaces."+strconv.Itoa(i), nics+"."+strconv.Itoa(i)
		ec2Line(r, nic, from)
		r.Set(nic+".device_index", from+".DeviceIndex")
		r.Set(nic+".associate_public_ip_address", from+".AssociatePublicIpAddress")
	}

	// Launch template devices hold encrypted as a string, and the rules
	// judge a left-out flag as not encrypted, as the provider has it.
	const maps = data + ".BlockDeviceMappings"
	if r.Unknown(maps) {
		r.UnknownAttr("block_device_mappings", maps)
	}
	for i := range r.Len(maps) {
		bdm, from := "block_device_mappings."+strconv.Itoa(i), maps+"."+strconv.Itoa(i)
		ec2Line(r, bdm, from)
		r.Set(bdm+".device_name", from+".DeviceName")
		if !r.Writes(from + ".Ebs") {
			continue
		}
		if r.Unknown(from + ".Ebs") {
			r.UnknownAttr(bdm+".ebs", from+".Ebs")
			continue
		}
		ebs := bdm + ".ebs.0"
		r.put(ebs, map[string]any{})
		ec2Line(r, ebs, from+".Ebs")
		r.SetFunc(ebs+".encrypted", from+".Ebs.Encrypted", ec2String)
		r.Set(ebs+".snapshot_id", from+".Ebs.SnapshotId")
		r.Set(ebs+".kms_key_id", from+".Ebs.KmsKeyId")
	}
}

// ec2LaunchConfiguration is an aws_launch_configuration.
func ec2LaunchConfiguration(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_launch_configuration")
	r.Set("name", "LaunchConfigurationName")
	r.SetFunc("associate_public_ip_address", "AssociatePublicIpAddress", Bool)
	r.UserData("user_data", "UserData")
	r.Set("iam_instance_profile", "IamInstanceProfile")
	r.SetFunc("enable_monitoring", "InstanceMonitoring", Bool)
	ec2Metadata(r, "MetadataOptions")
	ec2Devices(r, "BlockDeviceMappings")
}

// ec2Volume is an aws_ebs_volume.
func ec2Volume(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_ebs_volume")
	r.Tags("tags", "Tags")
	r.Set("snapshot_id", "SnapshotId")
	r.Set("kms_key_id", "KmsKeyId")
	r.Set("availability_zone", "AvailabilityZone")
	if r.Writes("Encrypted") {
		r.SetFunc("encrypted", "Encrypted", Bool)
		return
	}
	// Left out, the account's default encryption or the snapshot decides,
	// as for a plan in which the provider computes encrypted.
	ec2Unset(r, "encrypted", "")
}

// ec2Metadata writes the metadata_options block of MetadataOptions at
// prop. Left out, or without HttpTokens, the instance takes the AMI's
// ImdsSupport or the account's metadata defaults: http_tokens is then
// unknown and not configured, as in a plan where the provider computes
// it.
func ec2Metadata(r *Res, prop string) {
	if !r.Writes(prop) {
		ec2Unset(r, "metadata_options", "")
		return
	}
	if r.Unknown(prop) {
		r.UnknownAttr("metadata_options", prop)
		return
	}
	r.put("metadata_options.0", map[string]any{})
	ec2Line(r, "metadata_options", prop)
	r.Set("metadata_options.0.http_endpoint", prop+".HttpEndpoint")
	if tokens := prop + ".HttpTokens"; r.Writes(tokens) {
		r.Set("metadata_options.0.http_tokens", tokens)
		// TNT-AWS-EC2-004 names the attribute without its index.
		ec2Line(r, "metadata_options.http_tokens", tokens)
	} else {
		ec2Unset(r, "metadata_options.0.http_tokens", prop)
	}
}

// ec2Devices writes the BlockDeviceMappings at prop of an instance or a
// launch configuration as root_block_device (the mapping of the AMI's
// root device name) and ebs_block_device (the other EBS mappings).
// Without a root mapping, the root volume is the AMI's, encrypted or not
// by it and the account's default: root_block_device is unknown, as in a
// plan. An Encrypted flag left out is unknown for the same reason.
func ec2Devices(r *Res, prop string) {
	if r.Unknown(prop) {
		r.UnknownAttr("root_block_device", prop)
		r.UnknownAttr("ebs_block_device", prop)
		return
	}
	root, ebs := false, 0
	for i := range r.Len(prop) {
		from := prop + "." + strconv.Itoa(i)
		if !r.Writes(from + ".Ebs") {
			continue // NoDevice, or an instance store volume
		}
		name, _ := r.Get(from + ".DeviceName")
		s, _ := name.(string)
		block := "root_block_device.0"
		if root || !slices.Contains(ec2RootDevices, s) {
			block = "ebs_block_device." + strconv.Itoa(ebs)
			ebs++
		}
		r.put(block, map[string]any{})
		ec2Line(r, block, from)
		if block == "root_block_device.0" {
			root = true
		} else {
			r.Set(block+".device_name", from+".DeviceName")
		}
		if r.Unknown(from + ".Ebs") {
			r.UnknownAttr(block+".encrypted", from+".Ebs")
			continue
		}
		r.Set(block+".snapshot_id", from+".Ebs.SnapshotId")
		r.Set(block+".kms_key_id", from+".Ebs.KmsKeyId")
		if r.Writes(from + ".Ebs.Encrypted") {
			r.SetFunc(block+".encrypted", from+".Ebs.Encrypted", Bool)
		} else {
			ec2Unset(r, block+".encrypted", from+".Ebs")
		}
	}
	if !root {
		ec2Unset(r, "root_block_device", prop)
	}
}

// ec2Unset marks attr unknown without configuring it: the template
// leaves it out and AWS decides it at deployment (the AMI, the account's
// defaults). It takes the line of property at, when the template writes
// it ("" for the resource's line).
func ec2Unset(r *Res, attr, at string) {
	if at != "" {
		ec2Line(r, attr, at)
	}
	r.unknown(attr)
}

// ec2Line gives attr the line of property prop, when the template
// writes it, so that a finding on an attribute the template leaves out
// points at the block that holds it.
func ec2Line(r *Res, attr, prop string) {
	if line, ok := r.src.Lines[prop]; ok {
		r.line(attr, line)
	}
}

// ec2String writes a boolean as the "true" or "false" that launch
// templates hold.
func ec2String(v any) (any, bool) {
	if b, ok := Bool(v); ok {
		return strconv.FormatBool(b.(bool)), true
	}
	return v, true
}

// UserData writes a user-data script to attr as the template encodes it,
// with the template's references and the parameters inside its text
// written by name (cfn.Resource.Render): the usual !Base64 !Sub
// "...${AWS::StackName}..." is unknown until deployment, but its literal
// text is in the template and is what TNT-AWS-EC2-006 reads for
// credentials. A script the template cannot show (a bare parameter, an
// import) stays unknown.
func (r *Res) UserData(attr, prop string) {
	if !r.Writes(prop) {
		return
	}
	r.from(attr, prop)
	if text, ok := r.src.Render(prop); ok {
		r.put(attr, text)
		return
	}
	r.unknown(attr)
}
