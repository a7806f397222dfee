package view

import (
	"strconv"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::EC2::VPC":                  vpcVPC,
		"AWS::EC2::Subnet":               vpcSubnet,
		"AWS::EC2::FlowLog":              vpcFlowLog,
		"AWS::EC2::SecurityGroup":        vpcSecurityGroup,
		"AWS::EC2::SecurityGroupIngress": vpcIngressRule,
		"AWS::EC2::SecurityGroupEgress":  vpcEgressRule,
		"AWS::EC2::NetworkAcl":           vpcNetworkACL,
		"AWS::EC2::NetworkAclEntry":      vpcNetworkACLEntry,
	})
}

// vpcVPC is an aws_vpc. CloudFormation cannot manage the default
// security group AWS creates with it (no resource type adopts it), so
// the VPC keeps that group's rules, as a Terraform VPC without an
// aws_default_security_group does.
func vpcVPC(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_vpc")
	r.Set("cidr_block", "CidrBlock")
	r.SetFunc("enable_dns_support", "EnableDnsSupport", Bool)
	r.SetFunc("enable_dns_hostnames", "EnableDnsHostnames", Bool)
	r.Set("instance_tenancy", "InstanceTenancy")
	r.Tags("tags", "Tags")
}

// vpcSubnet is an aws_subnet.
func vpcSubnet(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_subnet")
	r.Set("vpc_id", "VpcId")
	r.Set("cidr_block", "CidrBlock")
	r.Set("availability_zone", "AvailabilityZone")
	r.SetFunc("map_public_ip_on_launch", "MapPublicIpOnLaunch", Bool)
	r.SetFunc("assign_ipv6_address_on_creation", "AssignIpv6AddressOnCreation", Bool)
	r.Tags("tags", "Tags")
}

// vpcFlowTargets are the attributes of aws_flow_log that name what it
// captures, by the ResourceType of AWS::EC2::FlowLog.
var vpcFlowTargets = map[string]string{
	"VPC": "vpc_id", "Subnet": "subnet_id", "NetworkInterface": "eni_id",
	"TransitGateway": "transit_gateway_id", "TransitGatewayAttachment": "transit_gateway_attachment_id",
}

// vpcFlowLog is an aws_flow_log whose vpc_id, subnet_id... is the
// ResourceId, as its ResourceType says.
func vpcFlowLog(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_flow_log")
	typ, _ := r.Get("ResourceType")
	attr, ok := vpcFlowTargets[vpcString(typ)]
	if !ok {
		// A type chosen at deployment: the log may capture a VPC.
		attr = "vpc_id"
	}
	r.Set(attr, "ResourceId")
	r.Set("traffic_type", "TrafficType")
	r.Set("log_destination_type", "LogDestinationType")
	r.Set("log_destination", "LogDestination")
	r.Set("log_group_name", "LogGroupName")
	r.Set("iam_role_arn", "DeliverLogsPermissionArn")
	r.Tags("tags", "Tags")
}

func vpcString(v any) string {
	s, _ := v.(string)
	return s
}

// vpcSecurityGroup is an aws_security_group with its inline rules as
// ingress and egress blocks. Left out, SecurityGroupEgress gives the
// group AWS's allow-all egress rule; no rule of the view's reads egress
// of a security group other than the default one, so it is written as
// the template has it.
func vpcSecurityGroup(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_security_group")
	r.Set("name", "GroupName")
	r.Set("description", "GroupDescription")
	vpcLeftToAWS(r, "vpc_id", "VpcId")
	r.Tags("tags", "Tags")
	vpcInline(r, "ingress", "SecurityGroupIngress", "Source")
	vpcInline(r, "egress", "SecurityGroupEgress", "Destination")
}

// vpcLeftToAWS copies property prop to attr or, when the template leaves
// it out, makes attr what a plan makes of an attribute the provider
// chooses: unknown, and not configured. Left out, a security group's VPC
// or an instance's subnet is the account's default VPC's
// (TNT-AWS-VPC-011).
func vpcLeftToAWS(r *Res, attr, prop string) {
	if r.Writes(prop) {
		r.Set(attr, prop)
		return
	}
	r.unknown(attr)
}

// vpcInline writes the rules of list property prop as the blocks attr of
// aws_security_group (cidr_blocks, ipv6_cidr_blocks, security_groups,
// prefix_list_ids); peer is Source or Destination, as the property names
// the other side.
func vpcInline(r *Res, attr, prop, peer string) {
	if r.Unknown(prop) {
		r.UnknownAttr(attr, prop)
		return
	}
	if !r.Has(prop) {
		return
	}
	r.put(attr, []any{})
	for i := range r.Len(prop) {
		block, from := attr+"."+strconv.Itoa(i), prop+"."+strconv.Itoa(i)
		r.put(block, map[string]any{})
		ec2Line(r, block, from)
		r.SetFunc(block+".protocol", from+".IpProtocol", vpcProtocol)
		r.SetFunc(block+".from_port", from+".FromPort", Number)
		r.SetFunc(block+".to_port", from+".ToPort", Number)
		r.SetFunc(block+".cidr_blocks", from+".CidrIp", vpcList)
		r.SetFunc(block+".ipv6_cidr_blocks", from+".CidrIpv6", vpcList)
		r.SetFunc(block+".security_groups", from+"."+peer+"SecurityGroupId", vpcList)
		r.SetFunc(block+".prefix_list_ids", from+"."+peer+"PrefixListId", vpcList)
		r.Set(block+".description", from+".Description")
	}
}

// vpcIngressRule is an aws_vpc_security_group_ingress_rule, the provider
// v5 resource that holds one rule with the same fields as
// AWS::EC2::SecurityGroupIngress.
func vpcIngressRule(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_vpc_security_group_ingress_rule")
	vpcRule(r, "Source")
}

// vpcEgressRule is an aws_vpc_security_group_egress_rule.
func vpcEgressRule(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_vpc_security_group_egress_rule")
	vpcRule(r, "Destination")
}

func vpcRule(r *Res, peer string) {
	r.Set("security_group_id", "GroupId")
	r.SetFunc("ip_protocol", "IpProtocol", vpcProtocol)
	r.SetFunc("from_port", "FromPort", Number)
	r.SetFunc("to_port", "ToPort", Number)
	r.Set("cidr_ipv4", "CidrIp")
	r.Set("cidr_ipv6", "CidrIpv6")
	r.Set("referenced_security_group_id", peer+"SecurityGroupId")
	r.Set("prefix_list_id", peer+"PrefixListId")
	r.Set("description", "Description")
}

// vpcNetworkACL is an aws_network_acl; its entries are separate
// AWS::EC2::NetworkAclEntry resources.
func vpcNetworkACL(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_network_acl")
	r.Set("vpc_id", "VpcId")
	r.Tags("tags", "Tags")
}

// vpcNetworkACLEntry is an aws_network_acl_rule. Egress left out is
// false (an inbound entry) in both.
func vpcNetworkACLEntry(v *View, src *cfn.Resource) {
	r := v.Main(src, "aws_network_acl_rule")
	r.Set("network_acl_id", "NetworkAclId")
	r.SetFunc("rule_number", "RuleNumber", Number)
	r.SetFunc("egress", "Egress", Bool)
	r.SetFunc("protocol", "Protocol", vpcProtocol)
	r.Set("rule_action", "RuleAction")
	r.Set("cidr_block", "CidrBlock")
	r.Set("ipv6_cidr_block", "Ipv6CidrBlock")
	r.SetFunc("from_port", "PortRange.From", Number)
	r.SetFunc("to_port", "PortRange.To", Number)
	r.SetFunc("icmp_type", "Icmp.Type", Number)
	r.SetFunc("icmp_code", "Icmp.Code", Number)
}

// vpcProtocol writes a protocol, a name or a number (6, "6", -1), as the
// string Terraform holds.
func vpcProtocol(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return nil, false
}

// vpcList writes one CIDR, group or prefix list as the list Terraform
// holds.
func vpcList(v any) (any, bool) { return []any{v}, true }
