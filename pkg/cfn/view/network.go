package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::EC2::SecurityGroup":        securityGroup,
		"AWS::EC2::SecurityGroupIngress": securityGroupIngress,
		"AWS::EC2::SecurityGroupEgress":  securityGroupEgress,
		"AWS::EC2::Volume":               ebsVolume,
		"AWS::EC2::Subnet":               subnet,
	})
}

// securityGroup is an aws_security_group with its inline rules as ingress
// and egress blocks, named as Terraform names them.
func securityGroup(v *View, src *cfn.Resource) {
	sg := v.Main(src, "aws_security_group")
	sg.Set("name", "GroupName")
	sg.Set("description", "GroupDescription")
	sg.Set("vpc_id", "VpcId")
	sg.Tags("tags", "Tags")
	sgRules(sg, "ingress", "SecurityGroupIngress")
	sgRules(sg, "egress", "SecurityGroupEgress")
}

// sgRules writes the inline rules of prop as blocks of attr. A list left
// to the deployment (under a condition on a parameter) is one block whose
// protocol, ports and addresses are all unknown: in a plan a wholly unknown
// ingress is computed and declares nothing, but here the template declares
// rules that may admit anything.
func sgRules(sg *Res, attr, prop string) {
	if sg.Unknown(prop) {
		sg.put(attr+".0", map[string]any{})
		for _, a := range []string{"protocol", "from_port", "to_port", "cidr_blocks"} {
			sg.UnknownAttr(attr+".0."+a, prop)
		}
		return
	}
	for i := range sg.Len(prop) {
		block, from := attr+"."+strconv.Itoa(i), prop+"."+strconv.Itoa(i)
		if sg.Unknown(from) {
			sg.put(block, map[string]any{})
			for _, a := range []string{"protocol", "from_port", "to_port", "cidr_blocks"} {
				sg.UnknownAttr(block+"."+a, from)
			}
			continue
		}
		sg.SetFunc(block+".protocol", from+".IpProtocol", protocol)
		sg.SetFunc(block+".from_port", from+".FromPort", Number)
		sg.SetFunc(block+".to_port", from+".ToPort", Number)
		sg.SetFunc(block+".cidr_blocks", from+".CidrIp", list)
		sg.SetFunc(block+".ipv6_cidr_blocks", from+".CidrIpv6", list)
		sg.SetFunc(block+".prefix_list_ids", from+".SourcePrefixListId", list)
		sg.SetFunc(block+".security_groups", from+".SourceSecurityGroupId", list)
		sg.Set(block+".description", from+".Description")
	}
}

// securityGroupIngress is an aws_vpc_security_group_ingress_rule, whose
// attributes are named as CloudFormation's.
func securityGroupIngress(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_vpc_security_group_ingress_rule")
	r.Set("security_group_id", "GroupId")
	r.SetFunc("ip_protocol", "IpProtocol", protocol)
	r.SetFunc("from_port", "FromPort", Number)
	r.SetFunc("to_port", "ToPort", Number)
	r.Set("cidr_ipv4", "CidrIp")
	r.Set("cidr_ipv6", "CidrIpv6")
	r.Set("prefix_list_id", "SourcePrefixListId")
	r.Set("referenced_security_group_id", "SourceSecurityGroupId")
	r.Set("description", "Description")
}

// securityGroupEgress is an aws_vpc_security_group_egress_rule.
func securityGroupEgress(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_vpc_security_group_egress_rule")
	r.Set("security_group_id", "GroupId")
	r.SetFunc("ip_protocol", "IpProtocol", protocol)
	r.SetFunc("from_port", "FromPort", Number)
	r.SetFunc("to_port", "ToPort", Number)
	r.Set("cidr_ipv4", "CidrIp")
	r.Set("cidr_ipv6", "CidrIpv6")
	r.Set("description", "Description")
}

// ebsVolume is an aws_ebs_volume. Left out, Encrypted is decided by the
// account's EBS encryption default (or the snapshot): unknown, as a plan
// shows it.
func ebsVolume(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_ebs_volume")
	if r.Has("Encrypted") || r.Unknown("Encrypted") {
		r.SetFunc("encrypted", "Encrypted", Bool)
	} else {
		r.UnknownAttr("encrypted", "Encrypted")
	}
	r.Set("kms_key_id", "KmsKeyId")
	r.Set("snapshot_id", "SnapshotId")
	r.SetFunc("size", "Size", Number)
	r.Set("type", "VolumeType")
	r.Set("availability_zone", "AvailabilityZone")
	r.Tags("tags", "Tags")
}

// subnet is an aws_subnet; MapPublicIpOnLaunch defaults to false.
func subnet(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_subnet")
	r.Set("vpc_id", "VpcId")
	r.Set("cidr_block", "CidrBlock")
	r.Set("availability_zone", "AvailabilityZone")
	if r.Has("MapPublicIpOnLaunch") || r.Unknown("MapPublicIpOnLaunch") {
		r.SetFunc("map_public_ip_on_launch", "MapPublicIpOnLaunch", Bool)
	} else {
		r.Value("map_public_ip_on_launch", "MapPublicIpOnLaunch", false)
	}
	r.SetFunc("assign_ipv6_address_on_creation", "AssignIpv6AddressOnCreation", Bool)
	r.Tags("tags", "Tags")
}

// protocol writes an IpProtocol as Terraform keeps it: a string ("tcp",
// "-1", "6").
func protocol(v any) (any, bool) {
	if s, ok := text(v); ok {
		return s, true
	}
	return nil, false
}

// list makes a single value the one-item list Terraform holds.
func list(v any) (any, bool) {
	if v == nil {
		return nil, false
	}
	return []any{v}, true
}

func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}
