package view

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/tenet-dev/tenet/pkg/cfn"
)

func init() {
	register(map[string]mapping{
		"AWS::ECS::Cluster":        ecsCluster,
		"AWS::ECS::TaskDefinition": ecsTaskDefinition,
		"AWS::ECS::Service":        ecsService,
	})
}

// ecsCluster is an aws_ecs_cluster; ClusterSettings ({Name, Value}) are
// its setting blocks. Without a containerInsights setting the cluster
// follows the account's default, which no CloudFormation resource sets,
// as in a plan without an aws_ecs_account_setting_default.
func ecsCluster(v *View, src *cfn.Resource) {
	c := v.Main(src, "aws_ecs_cluster")
	c.Set("name", "ClusterName")
	c.Tags("tags", "Tags")
	const settings = "ClusterSettings"
	if c.Unknown(settings) {
		c.UnknownAttr("setting", settings)
		return
	}
	// A setting whose name the deployment decides may be any setting:
	// the list is unknown.
	for i := range c.Len(settings) {
		item := settings + "." + strconv.Itoa(i)
		if c.Unknown(item) || c.Unknown(item+".Name") {
			c.UnknownAttr("setting", item)
			return
		}
	}
	for i := range c.Len(settings) {
		to, from := "setting."+strconv.Itoa(i), settings+"."+strconv.Itoa(i)
		c.put(to, map[string]any{})
		ec2Line(c, to, from)
		c.Set(to+".name", from+".Name")
		c.Set(to+".value", from+".Value")
	}
}

// ecsService is an aws_ecs_service. AssignPublicIp is ENABLED or
// DISABLED in CloudFormation, a bool in Terraform; left out it is
// DISABLED (AWS::ECS::Service AwsVpcConfiguration reference: "the
// default is DISABLED"), which is Terraform's false.
func ecsService(v *View, src *cfn.Resource) {
	s := v.Main(src, "aws_ecs_service")
	s.Set("name", "ServiceName")
	s.Set("cluster", "Cluster")
	s.Set("task_definition", "TaskDefinition")
	s.Set("launch_type", "LaunchType")
	s.SetFunc("desired_count", "DesiredCount", Number)
	s.Tags("tags", "Tags")

	const net = "NetworkConfiguration"
	const vpc = net + ".AwsvpcConfiguration"
	const to = "network_configuration.0"
	switch {
	case s.Unknown(net):
		s.UnknownAttr(to+".assign_public_ip", net)
	case s.Unknown(vpc):
		s.UnknownAttr(to+".assign_public_ip", vpc)
	case s.Has(vpc):
		s.put(to, map[string]any{})
		ec2Line(s, "network_configuration", vpc)
		s.Set(to+".subnets", vpc+".Subnets")
		s.Set(to+".security_groups", vpc+".SecurityGroups")
		s.SetOr(to+".assign_public_ip", vpc+".AssignPublicIp", ecsEnabled, false, vpc+".AssignPublicIp")
	}
}

// ecsEnabled turns ENABLED and DISABLED into Terraform's bool.
func ecsEnabled(v any) (any, bool) {
	switch v {
	case "ENABLED":
		return true, true
	case "DISABLED":
		return false, true
	}
	return nil, false
}

// ecsTaskDefinition is an aws_ecs_task_definition. NetworkMode left out
// is bridge (Linux) or default (Windows), never host, as in Terraform;
// a container that leaves out Privileged or ReadonlyRootFilesystem is
// not privileged and has a writable root filesystem (AWS::ECS::TaskDefinition
// ContainerDefinition reference), as the rules assume of the JSON.
func ecsTaskDefinition(v *View, src *cfn.Resource) {
	t := v.Main(src, "aws_ecs_task_definition")
	t.Set("family", "Family")
	t.Set("network_mode", "NetworkMode")
	t.Set("pid_mode", "PidMode")
	t.Set("ipc_mode", "IpcMode")
	t.Set("cpu", "Cpu")
	t.Set("memory", "Memory")
	t.Set("task_role_arn", "TaskRoleArn")
	t.Set("execution_role_arn", "ExecutionRoleArn")
	t.Set("requires_compatibilities", "RequiresCompatibilities")
	t.Tags("tags", "Tags")
	ecsContainers(t)
}

// ecsContainers writes ContainerDefinitions as container_definitions, the
// JSON string Terraform holds, with the ECS API's camelCase names
// (ReadonlyRootFilesystem is readonlyRootFilesystem, Environment's
// {Name, Value} are {name, value}).
//
// One JSON string cannot be partly unknown. It is unknown when what the
// rules read waits on the deployment: a container, its Privileged or
// ReadonlyRootFilesystem, its Environment or a variable's name, or a
// variable's value that is a parameter without default, an import or an
// IAM access key's secret. Other values the deployment decides (an image
// in the account's registry, a log group of the template) are written by
// name, "${AWS::AccountId}.dkr.ecr...", as policy documents name the
// template's resources; one without such a form is left out.
func ecsContainers(t *Res) {
	const prop, attr = "ContainerDefinitions", "container_definitions"
	if !t.Writes(prop) {
		return
	}
	t.from(attr, prop)
	if t.Unknown(prop) {
		t.unknown(attr)
		return
	}
	list, _ := cfn.Lookup(t.src.Properties, prop)
	list = ecsCopy(list)
	for _, u := range t.src.Unknown {
		rel, ok := strings.CutPrefix(u, prop+".")
		if !ok {
			continue
		}
		s, symbolic := t.src.Symbolic[u]
		opaque := slices.Contains(t.src.Opaque, u)
		if ecsDecides(rel) && !(ecsValue(rel) && symbolic && !opaque && !ecsAccessKey(t, u)) {
			t.unknown(attr)
			return
		}
		if symbolic {
			list = ecsPlace(list, strings.Split(rel, "."), s)
		}
	}
	data, err := json.Marshal(ecsJSON(list, ""))
	if err != nil {
		t.unknown(attr)
		return
	}
	t.put(attr, string(data))
}

// ecsDecides tells whether the path rel inside ContainerDefinitions
// ("0.Environment.1.Value") is one the rules read.
func ecsDecides(rel string) bool {
	segs := strings.Split(rel, ".")
	if len(segs) < 2 {
		return true // a whole container
	}
	switch segs[1] {
	case "Privileged", "ReadonlyRootFilesystem":
		return true
	case "Environment":
		return len(segs) < 4 || segs[3] == "Name" || segs[3] == "Value"
	}
	return false
}

// ecsValue tells an environment variable's value.
func ecsValue(rel string) bool {
	segs := strings.Split(rel, ".")
	return len(segs) == 4 && segs[1] == "Environment" && segs[3] == "Value"
}

// ecsAccessKey tells whether the value at path refers to an
// AWS::IAM::AccessKey of the template: its secret is a credential.
func ecsAccessKey(t *Res, path string) bool {
	for _, id := range t.src.Refs[path] {
		for _, r := range t.view.tmpl.Resources {
			if r.ID == id && r.Type == "AWS::IAM::AccessKey" {
				return true
			}
		}
	}
	return false
}

// ecsCopy copies the maps and lists of a decoded value, so that placing
// values by name leaves the template's properties as they are.
func ecsCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = ecsCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ecsCopy(e)
		}
		return out
	}
	return v
}

// ecsPlace writes s at path inside v when the maps and lists on the way
// exist (a key holding dots, such as a Docker label's, is not placed).
func ecsPlace(v any, path []string, s any) any {
	if len(path) == 0 {
		return s
	}
	switch x := v.(type) {
	case map[string]any:
		if len(path) == 1 {
			x[path[0]] = s
			return x
		}
		if next, ok := x[path[0]]; ok {
			x[path[0]] = ecsPlace(next, path[1:], s)
		}
	case []any:
		if i, err := strconv.Atoi(path[0]); err == nil && i >= 0 && i < len(x) {
			x[i] = ecsPlace(x[i], path[1:], s)
		}
	}
	return v
}

// ecsUserKeys are the properties whose keys are the user's (Docker
// labels, log driver options), kept as written.
var ecsUserKeys = map[string]bool{"DockerLabels": true, "Options": true}

// ecsBools and ecsNumbers are the container properties CloudFormation
// accepts written as strings ("true", "512"), which the JSON holds as
// booleans and numbers.
var ecsBools = map[string]bool{
	"Privileged": true, "ReadonlyRootFilesystem": true, "Essential": true, "DisableNetworking": true,
	"Interactive": true, "PseudoTerminal": true, "InitProcessEnabled": true, "ReadOnly": true,
}

var ecsNumbers = map[string]bool{
	"Cpu": true, "Memory": true, "MemoryReservation": true, "ContainerPort": true, "HostPort": true,
	"StartTimeout": true, "StopTimeout": true, "SoftLimit": true, "HardLimit": true, "Interval": true,
	"Retries": true, "Timeout": true, "StartPeriod": true, "SharedMemorySize": true, "Swappiness": true, "MaxSwap": true,
}

// ecsJSON writes a container definition value with the ECS API's names:
// the first letter of each property in lower case. key is the property
// that holds v.
func ecsJSON(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if ecsUserKeys[key] {
				out[k] = e
				continue
			}
			out[ecsCamel(k)] = ecsJSON(e, k)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ecsJSON(e, key)
		}
		return out
	}
	switch {
	case ecsBools[key]:
		if b, ok := Bool(v); ok {
			return b
		}
	case ecsNumbers[key]:
		if i, ok := v.(int); ok {
			return i
		}
		if n, ok := Number(v); ok {
			return n
		}
	case key == "Value" || key == "Name":
		// Environment values are strings in the API: a YAML 5 is "5".
		if s, ok := codebuildString(v); ok {
			return s
		}
	}
	return v
}

func ecsCamel(k string) string {
	if k == "" {
		return k
	}
	return strings.ToLower(k[:1]) + k[1:]
}
